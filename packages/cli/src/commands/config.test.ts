import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, findSecret, runCli, temporaryDataDir } from '../__fixtures__/cli-harness.js';

const VAULT_PASSWORD = 'source vault password';
const OTHER_VAULT_PASSWORD = 'target vault password';
const EXPORT_PASSWORD = 'bundle export password';
const KEY = 'sk-ant-api03-CLICONFIG-bundle-7e5c3a1f9d';

describe('thinkbackcode config export | import (real binary)', () => {
  let source: Awaited<ReturnType<typeof temporaryDataDir>>;
  let target: Awaited<ReturnType<typeof temporaryDataDir>>;
  let bundlePath: string;
  const outputs: string[] = [];
  const run = async (args: string[], env: Record<string, string>, input?: string) => {
    const result = await runCli(args, { env, ...(input === undefined ? {} : { input }) });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const inSource = { THINKBACKCODE_DATA_DIR: '', THINKBACKCODE_VAULT_PASSWORD: VAULT_PASSWORD };
  const inTarget = {
    THINKBACKCODE_DATA_DIR: '',
    THINKBACKCODE_VAULT_PASSWORD: OTHER_VAULT_PASSWORD,
  };

  beforeAll(async () => {
    await buildCli();
    source = await temporaryDataDir();
    target = await temporaryDataDir();
    inSource.THINKBACKCODE_DATA_DIR = source.dataDir;
    inTarget.THINKBACKCODE_DATA_DIR = target.dataDir;
    bundlePath = join(source.dir, 'bundle.json');
    const added = await run(
      ['keys', 'add', 'anthropic', '--stdin', '--label', 'work'],
      inSource,
      `${KEY}\n`,
    );
    expect(added.code).toBe(0);
    // A provider config without a key (no vault involved) for the bundle to carry.
    const settings = join(source.dir, 'kilo.json');
    await writeFile(
      settings,
      JSON.stringify({
        providerProfiles: {
          apiConfigs: { Local: { apiProvider: 'ollama', ollamaModelId: 'qwen3:8b' } },
        },
      }),
    );
    expect((await run(['migrate', 'kilocode', settings, '--apply'], inSource)).code).toBe(0);
  });
  afterAll(async () => {
    await Promise.all([source?.remove(), target?.remove()]);
  });

  it('exports an encrypted bundle, the export password asked after the vault password', async () => {
    const result = await run(
      ['config', 'export', '--out', bundlePath, '--json'],
      inSource,
      `${EXPORT_PASSWORD}\n`,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ out: bundlePath, keys: 1, providerConfigs: 1 });
    expect(result.stderr).toContain('Export password:');
    expect((await stat(bundlePath)).mode & 0o777).toBe(0o600);
    const bundle = JSON.parse(await readFile(bundlePath, 'utf8')) as {
      v: number;
      kdf: { iterations: number };
    };
    expect(bundle).toMatchObject({ v: 1, kdf: { name: 'PBKDF2', iterations: 600_000 } });
  });

  it('does not overwrite an existing bundle without --force', async () => {
    const result = await run(
      ['config', 'export', '--out', bundlePath],
      inSource,
      `${EXPORT_PASSWORD}\n`,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('use --force');
    expect(result.stderr).not.toContain('password');
  });

  it('shows what an import would change with --dry-run, writing nothing', async () => {
    const result = await run(
      ['config', 'import', '--in', bundlePath, '--dry-run', '--json'],
      inTarget,
      `${EXPORT_PASSWORD}\n`,
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      dryRun: true,
      keys: {
        added: [{ provider: 'anthropic', label: 'work' }],
        updated: [],
        unchanged: [],
        kept: [],
      },
      providerConfigs: { added: ['local'], updated: [], unchanged: [] },
    });
    expect(existsSync(target.dataDir)).toBe(false);
  });

  it('refuses a wrong export password (exit code 1)', async () => {
    const result = await run(
      ['config', 'import', '--in', bundlePath, '--dry-run'],
      inTarget,
      'not the export password\n',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Wrong export password');
  });

  it('imports into a fresh data directory with its own vault password; a second import changes nothing', async () => {
    const first = await run(
      ['config', 'import', '--in', bundlePath],
      inTarget,
      `${EXPORT_PASSWORD}\n`,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Keys that were added:      anthropic/work');
    expect(first.stdout).toContain('Configs that were added:   local');
    const listed = await run(['keys', 'list', '--json'], inTarget);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ provider: 'anthropic', label: 'work' }),
    ]);
    const second = await run(
      ['config', 'import', '--in', bundlePath, '--json'],
      inTarget,
      `${EXPORT_PASSWORD}\n`,
    );
    expect(JSON.parse(second.stdout)).toMatchObject({
      keys: { added: [], unchanged: [{ provider: 'anthropic', label: 'work' }] },
      providerConfigs: { added: [], updated: [], unchanged: ['local'] },
    });
  });

  it('requires --in (exit code 2)', async () => {
    expect((await run(['config', 'import'], inTarget)).code).toBe(2);
  });

  it('keeps the key out of every output, the bundle and both data directories', async () => {
    expect(await findSecret(KEY, outputs, source.dir)).toEqual([]);
    expect(await findSecret(KEY, outputs, target.dir)).toEqual([]);
  });
});
