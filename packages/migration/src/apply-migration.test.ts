import { describe, expect, it } from 'vitest';
import {
  createCountingStorage,
  FakeVault,
  fixturePath,
  readFileSync,
} from './__fixtures__/fakes.js';
import { applyMigration } from './apply-migration.js';
import { MigrationError } from './errors.js';
import { importKiloCodeConfig } from './import-config.js';
import { MigrationService } from './migration-service.js';

const sample = (): string => readFileSync(fixturePath('kilo-code-settings.sample.json'), 'utf8');

async function failure(run: () => Promise<unknown>): Promise<MigrationError> {
  try {
    await run();
  } catch (error) {
    if (MigrationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MigrationError');
}

async function snapshot(storage: ReturnType<typeof createCountingStorage>, vault: FakeVault) {
  return {
    configs: await storage.listProviderConfigs(),
    preferences: await storage.loadModelPreferences?.(),
    keys: [...vault.keys],
  };
}

describe('applyMigration', () => {
  it('writes every config, every key under the config id, and the preferences', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    const result = importKiloCodeConfig(sample());
    const report = await applyMigration(result, { configStorage: storage, vault });

    expect(report.changed).toBe(true);
    expect(report.configs.map((entry) => entry.status)).toEqual(Array(8).fill('created'));
    expect(report.keys).toEqual(
      ['sonnet', 'openai', 'router', 'company-proxy', 'gemini', 'kilo'].map((id) => ({
        id,
        status: 'created',
      })),
    );
    expect(report.preferences).toBe('created');
    expect(await storage.loadProviderConfig('router')).toEqual(result.profiles[2]?.config);
    expect(vault.keys.get('sonnet')).toBe('sk-ant-api03-FAKE-sample-key-1111');
    expect(vault.keys.get('kilo')).toBe('FAKE-kilo-token-8888');
    expect(vault.keys.has('local')).toBe(false);
    const preferences = await storage.loadModelPreferences?.();
    expect(preferences?.modes.code).toEqual({
      profile: 'Sonnet',
      id: 'sonnet',
      model: 'claude-sonnet-4-20250514',
    });
    expect(preferences?.activeProfile).toBe('sonnet');
    expect(preferences?.settings['company-proxy']).toEqual({ temperature: 0 });
  });

  it('is idempotent: a second run writes nothing and reports everything unchanged', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    await applyMigration(importKiloCodeConfig(sample()), { configStorage: storage, vault });
    const writes = { configs: storage.writes, keys: vault.writes };

    const again = await applyMigration(importKiloCodeConfig(sample()), {
      configStorage: storage,
      vault,
    });
    expect(again.changed).toBe(false);
    expect(new Set([...again.configs, ...again.keys].map((entry) => entry.status))).toEqual(
      new Set(['unchanged']),
    );
    expect(again.preferences).toBe('unchanged');
    expect({ configs: storage.writes, keys: vault.writes }).toEqual(writes);
  });

  it('updates only what changed in the file', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    await applyMigration(importKiloCodeConfig(sample()), { configStorage: storage, vault });
    const edited = JSON.parse(sample());
    edited.providerProfiles.apiConfigs.Sonnet.apiKey = 'sk-ant-FAKE-rotated';
    edited.providerProfiles.apiConfigs.Gemini.apiModelId = 'gemini-2.5-pro';
    const report = await applyMigration(importKiloCodeConfig(edited), {
      configStorage: storage,
      vault,
    });
    expect(report.configs.filter((entry) => entry.status !== 'unchanged')).toEqual([
      { id: 'gemini', status: 'updated' },
    ]);
    expect(report.keys.filter((entry) => entry.status !== 'unchanged')).toEqual([
      { id: 'sonnet', status: 'updated' },
    ]);
    expect(vault.keys.get('sonnet')).toBe('sk-ant-FAKE-rotated');
  });

  it('writes nothing in a dry run but reports what would change', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    const report = await applyMigration(importKiloCodeConfig(sample()), {
      configStorage: storage,
      vault,
      dryRun: true,
    });
    expect(report.changed).toBe(true);
    expect(report.configs).toHaveLength(8);
    expect(storage.writes + vault.writes).toBe(0);
    expect(await storage.listProviderConfigs()).toEqual([]);
  });

  it('rolls back every earlier write, restoring previous values, when a key fails to store', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    await storage.saveProviderConfig('sonnet', {
      provider: 'anthropic',
      id: 'sonnet',
      defaultModel: 'old',
    });
    vault.keys.set('openai', 'sk-FAKE-previous-openai');
    await storage.saveModelPreferences?.({ modes: {}, settings: { x: { temperature: 1 } } });
    const before = await snapshot(storage, vault);

    vault.failStoreOf = 'gemini';
    const error = await failure(() =>
      applyMigration(importKiloCodeConfig(sample()), { configStorage: storage, vault }),
    );
    expect(error.code).toBe('apply_failed');
    expect(error.message).toContain('storing the key of "gemini"');
    expect(error.message).toContain('rolled back');
    expect(error.message).not.toContain('AIzaFAKEsamplekey7777');
    expect(await snapshot(storage, vault)).toEqual(before);
  });

  it('rolls back when a config fails to save', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    storage.failSaveOf = 'studio';
    const error = await failure(() =>
      applyMigration(importKiloCodeConfig(sample()), { configStorage: storage, vault }),
    );
    expect(error.code).toBe('apply_failed');
    expect(error.message).toContain(
      'saving the config of "studio" (disk full while saving studio)',
    );
    expect(await storage.listProviderConfigs()).toEqual([]);
    expect(vault.keys.size).toBe(0);
  });

  it('says which writes could not be undone when the rollback fails too', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    vault.failStoreOf = 'kilo';
    vault.failDelete = true;
    const error = await failure(() =>
      applyMigration(importKiloCodeConfig(sample()), { configStorage: storage, vault }),
    );
    expect(error.code).toBe('rollback_failed');
    expect(error.notRestored).toEqual([
      'key gemini',
      'key company-proxy',
      'key router',
      'key openai',
      'key sonnet',
    ]);
    expect(await storage.listProviderConfigs()).toEqual([]);
  });

  it('refuses a result that lost its keys by being copied', async () => {
    const copy = structuredClone(importKiloCodeConfig(sample()));
    const error = await failure(() =>
      applyMigration(copy, { configStorage: createCountingStorage(), vault: new FakeVault() }),
    );
    expect(error.code).toBe('missing_secrets');
  });

  it('refuses a result with validation errors and writes nothing', async () => {
    const result = importKiloCodeConfig(sample());
    const router = result.profiles[2];
    if (router?.config.provider === 'custom') router.config.baseUrl = 'ftp://nowhere';
    const storage = createCountingStorage();
    const error = await failure(() =>
      applyMigration(result, { configStorage: storage, vault: new FakeVault() }),
    );
    expect(error.code).toBe('invalid_migration');
    expect(error.message).toContain(
      'Profile "Router" has a base URL that is not an absolute http(s) URL',
    );
    expect(storage.writes).toBe(0);
  });

  it('reports preferences as not stored when the storage cannot hold them', async () => {
    const storage = createCountingStorage();
    const { saveModelPreferences: _save, loadModelPreferences: _load, ...plain } = storage;
    const report = await applyMigration(importKiloCodeConfig(sample()), {
      configStorage: plain,
      vault: new FakeVault(),
    });
    expect(report.preferences).toBe('not-supported');
  });

  it('reports progress before each write', async () => {
    const steps: string[] = [];
    await applyMigration(importKiloCodeConfig(sample()), {
      configStorage: createCountingStorage(),
      vault: new FakeVault(),
      onProgress: (event) => steps.push(`${event.step}:${event.id}`),
    });
    expect(steps).toHaveLength(8 + 6 + 1);
    expect(steps[0]).toBe('config:sonnet');
    expect(steps.at(-1)).toBe('preferences:');
  });
});

describe('MigrationService', () => {
  it('binds the destinations once and needs both', async () => {
    const storage = createCountingStorage();
    const service = new MigrationService({ configStorage: storage, vault: new FakeVault() });
    const result = service.importKiloCodeConfig(sample());
    expect(service.validateMigration(result).valid).toBe(true);
    expect((await service.applyMigration(result)).changed).toBe(true);
    expect(service.formatMigrationReport(result)).toContain('8 profiles mapped');
    const bare = new MigrationService();
    expect((await failure(() => bare.applyMigration(result))).code).toBe('invalid_input');
  });
});
