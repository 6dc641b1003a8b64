import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeyVault } from '@thinkbackcode/vault';
import { FileKeyStore } from '@thinkbackcode/vault/node';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, findSecret, runCli, temporaryDataDir } from '../__fixtures__/cli-harness.js';

const PASSWORD = 'migration password 42';
const FIXTURES = join(import.meta.dirname, '../__fixtures__');
const EXPORT = join(FIXTURES, 'kilo-code-settings.canary.json');
/** Every secret planted in the export, including those of the profile that is not migrated. */
const PLANTED = [
  ...readFileSync(EXPORT, 'utf8').matchAll(
    /"((?:sk-|AIza|AKIA)?[A-Za-z0-9-]*CLICANARY[A-Za-z0-9-]*)"/g,
  ),
].map((match) => match[1] as string);

describe('thinkbackcode migrate kilocode (real binary)', () => {
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  const outputs: string[] = [];
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const result = await runCli(args, { env: { THINKBACKCODE_DATA_DIR: data.dataDir, ...env } });
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

  it('plants seven secrets in the fixture', () => {
    expect(PLANTED).toHaveLength(7);
  });

  it('prints the MigrationResult with --json and writes nothing on a dry run', async () => {
    const result = await run(['migrate', 'kilocode', EXPORT, '--json']);
    expect(result.code).toBe(0);
    const migration = JSON.parse(result.stdout) as {
      format: string;
      profiles: Array<{ id: string; provider: string; hasKey: boolean; model?: string }>;
      unsupported: Array<{ name: string; apiProvider: string; reason: string }>;
      modelPreferences: Record<string, { id: string }>;
      activeProfile?: string;
    };
    expect(migration.format).toBe('kilo-settings-export');
    expect(
      migration.profiles.map((profile) => [profile.id, profile.provider, profile.hasKey]),
    ).toEqual([
      ['sonnet', 'anthropic', true],
      ['openai', 'openai', true],
      ['router', 'custom', true],
      ['local', 'ollama', false],
      ['company-proxy', 'custom', true],
      ['gemini', 'google', true],
    ]);
    expect(migration.unsupported).toEqual([
      { name: 'Bedrock', apiProvider: 'bedrock', reason: expect.stringContaining('AWS') },
    ]);
    expect(migration.modelPreferences.code?.id).toBe('sonnet');
    expect(migration.activeProfile).toBe('sonnet');
    expect(existsSync(data.dataDir)).toBe(false);
  });

  it('shows the report as a table on a dry run', async () => {
    const result = await run(['migrate', 'kilocode', EXPORT]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Company proxy\s+company-proxy\s+custom openai @ llm\.internal\.example\.com\s+gpt-4o\s+yes/,
    );
    expect(result.stdout).toContain('Bedrock (bedrock)');
    expect(result.stdout).toContain('Dry run: nothing was written');
    expect(existsSync(data.dataDir)).toBe(false);
  });

  it('names the problem in malformed JSON without quoting the input (exit code 1)', async () => {
    const result = await run(['migrate', 'kilocode', join(FIXTURES, 'malformed.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Malformed JSON at line 3, column \d+/);
    const missing = await run(['migrate', 'kilocode', join(FIXTURES, 'absent.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No such file');
  });

  it('treats a missing file argument or source as a usage error (exit code 2)', async () => {
    expect((await run(['migrate', 'kilocode'])).code).toBe(2);
    expect((await run(['migrate'])).code).toBe(2);
    expect((await run(['migrate', 'vscode', EXPORT])).code).toBe(2);
  });

  it('applies: configs into the gateway store, keys encrypted into a new vault', async () => {
    const result = await run(['migrate', 'kilocode', EXPORT, '--apply', '--json'], {
      THINKBACKCODE_VAULT_PASSWORD: PASSWORD,
    });
    expect(result.code).toBe(0);
    const { applied } = JSON.parse(result.stdout) as {
      applied: {
        changed: boolean;
        configs: Array<{ status: string }>;
        keys: Array<{ id: string; status: string }>;
        preferences: string;
      };
    };
    expect(applied.changed).toBe(true);
    expect(applied.configs.map((config) => config.status)).toEqual(Array(6).fill('created'));
    expect(applied.keys.map((key) => key.id)).toEqual([
      'sonnet',
      'openai',
      'router',
      'company-proxy',
      'gemini',
    ]);
    expect(applied.preferences).toBe('created');
    expect(result.stderr).toContain('Creating a vault');

    const database = new Database(join(data.dataDir, 'thinkbackcode.db'), { readonly: true });
    try {
      const ids = database.prepare('SELECT id FROM providers ORDER BY id').pluck().all();
      expect(ids).toEqual(['company-proxy', 'gemini', 'local', 'openai', 'router', 'sonnet']);
      const preferences = database
        .prepare("SELECT value FROM settings WHERE key = 'model_preferences'")
        .pluck()
        .get();
      expect(JSON.parse(String(preferences))).toMatchObject({
        activeProfile: 'sonnet',
        modes: { code: { id: 'sonnet' } },
      });
    } finally {
      database.close();
    }
    const vault = new KeyVault({ store: new FileKeyStore(join(data.dataDir, 'vault.json')) });
    await vault.unlock(PASSWORD);
    expect(await vault.retrieve('company-proxy')).toBe('CLICANARY-company-5a0b8c3d1e');
    await vault.lock();
  });

  it('is idempotent: a second apply changes nothing', async () => {
    const result = await run(['migrate', 'kilocode', EXPORT, '--apply'], {
      THINKBACKCODE_VAULT_PASSWORD: PASSWORD,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Provider configs: 0 created, 0 updated, 6 unchanged');
    expect(result.stdout).toContain(
      'Keys (encrypted in the vault): 0 created, 0 updated, 5 unchanged',
    );
    expect(result.stdout).toContain('Nothing changed');
  });

  it('leaves no planted secret in any output or in clear in any file of the data directory', async () => {
    const files = (await import('node:fs/promises')).readdir(data.dataDir);
    expect(await files).toEqual(expect.arrayContaining(['thinkbackcode.db', 'vault.json']));
    for (const secret of PLANTED) {
      expect(await findSecret(secret, outputs, data.dir), secret).toEqual([]);
    }
  });
});
