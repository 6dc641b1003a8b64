import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, findSecret, runCli, temporaryDataDir } from '../__fixtures__/cli-harness.js';

const PASSWORD = 'correct horse battery staple';
const KEY = 'sk-proj-CLIKEYSCANARY-4f1c9e2ab7d04c1f8a3e';
const NEXT_KEY = 'sk-proj-CLIKEYSCANARY-NEXT-9b8a7c6d5e4f3a2b';

describe('thinkbackcode keys (real binary, piped password)', () => {
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  const outputs: string[] = [];
  const run = async (args: string[], input?: string) => {
    const result = await runCli(args, {
      env: { THINKBACKCODE_DATA_DIR: data.dataDir },
      ...(input === undefined ? {} : { input }),
    });
    outputs.push(result.stdout, result.stderr);
    return result;
  };

  beforeAll(async () => {
    await buildCli();
    data = await temporaryDataDir();
  });
  afterAll(async () => {
    await data.remove();
  });

  it('lists nothing and asks for no password before a vault exists', async () => {
    const result = await run(['keys', 'list', '--json']);
    expect(result).toMatchObject({ code: 0 });
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.stderr).not.toContain('password');
  });

  it('creates the vault on the first add: password then key, both from the pipe', async () => {
    const result = await run(
      ['keys', 'add', 'openai', '--stdin', '--expires', '2099-01-01'],
      `${PASSWORD}\n${KEY}\n`,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Stored the key "default" of openai (version 1, expires 2099-01-01',
    );
    expect(result.stderr).toContain('New vault password:');
    expect(result.stderr).toContain('Creating a vault in');
  });

  it('lists metadata, never the key', async () => {
    const table = await run(['keys', 'list'], `${PASSWORD}\n`);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/openai\s+default\s+yes\s+1\s+\d{4}-\d\d-\d\d\s+2099-01-01/);
    const json = await run(['keys', 'list', '--json'], `${PASSWORD}\n`);
    const [info] = JSON.parse(json.stdout) as Array<Record<string, unknown>>;
    expect(info).toMatchObject({
      provider: 'openai',
      label: 'default',
      isDefault: true,
      version: 1,
      expiresAt: '2099-01-01T00:00:00.000Z',
      expired: false,
    });
    expect(info).not.toHaveProperty('id');
  });

  it('refuses a wrong password with exit code 1', async () => {
    const result = await run(['keys', 'list'], 'not the password\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Wrong vault password.');
    expect(result.stdout).toBe('');
  });

  it('rotates, keeping the previous version until it is removed', async () => {
    const rotated = await run(
      ['keys', 'rotate', 'openai', '--stdin', '--json'],
      `${PASSWORD}\n${NEXT_KEY}\n`,
    );
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({
      version: 2,
      previousVersion: { version: 1 },
    });
    const removed = await run(['keys', 'remove', 'openai', '--previous'], `${PASSWORD}\n`);
    expect(removed).toMatchObject({ code: 0 });
    const listed = await run(['keys', 'list', '--json'], `${PASSWORD}\n`);
    const [info] = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(info).toMatchObject({ version: 2 });
    expect(info).not.toHaveProperty('previousVersion');
    expect(info?.rotatedAt).toEqual(expect.any(String));
  });

  it('removes a key; removing it again fails with exit code 1', async () => {
    expect((await run(['keys', 'remove', 'openai'], `${PASSWORD}\n`)).code).toBe(0);
    const again = await run(['keys', 'remove', 'openai'], `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('No key for openai.');
  });

  it('treats a missing provider or an unknown option as a usage error (exit code 2)', async () => {
    const missing = await run(['keys', 'add']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Missing <provider>');
    const unknown = await run(['keys', 'list', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown option --bogus');
    const expiry = await run(['keys', 'add', 'openai', '--expires', 'someday']);
    expect(expiry.code).toBe(2);
  });

  it('never shows either key: not in any output, not in clear in the data directory', async () => {
    expect(outputs.length).toBeGreaterThan(10);
    expect(await findSecret(KEY, outputs, data.dir)).toEqual([]);
    expect(await findSecret(NEXT_KEY, outputs, data.dir)).toEqual([]);
    expect(await findSecret(PASSWORD, outputs, data.dir)).toEqual([]);
  });
});
