import { KeyVault, MemoryKeyStore } from '@thinkbackcode/vault';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFileSync } from './__fixtures__/fakes.js';
import { applyMigration } from './apply-migration.js';
import { importKiloCodeConfig } from './import-config.js';
import { createMemoryConfigStorage } from './storage.js';

const sampleText = readFileSync(fixturePath('kilo-code-settings.sample.json'), 'utf8');
const sampleKeys = [
  'sk-ant-api03-FAKE-sample-key-1111',
  'sk-proj-FAKE-sample-key-2222',
  'sk-or-v1-FAKE-sample-key-3333',
  'FAKE-sample-key-6666',
  'AIzaFAKEsamplekey7777',
  'FAKE-kilo-token-8888',
];

async function unlockedVault() {
  const store = new MemoryKeyStore();
  const vault = new KeyVault({ store, unsafeTestIterations: 1_000 });
  await vault.unlock('correct horse battery staple');
  return { store, vault };
}

describe('applyMigration with the real KeyVault', () => {
  it('puts every key into the vault encrypted, retrievable under the config id', async () => {
    const { store, vault } = await unlockedVault();
    const configStorage = createMemoryConfigStorage();
    await applyMigration(importKiloCodeConfig(sampleText), { configStorage, vault });

    expect(await vault.retrieve('sonnet')).toBe('sk-ant-api03-FAKE-sample-key-1111');
    expect(await vault.retrieve('kilo')).toBe('FAKE-kilo-token-8888');
    expect(await vault.retrieve('local')).toBeNull();
    const raw = JSON.stringify([...(await store.readAll())]);
    for (const key of sampleKeys) expect(raw).not.toContain(key);
    const configs = JSON.stringify(await configStorage.listProviderConfigs());
    for (const key of sampleKeys) expect(configs).not.toContain(key);
  });

  it('changes nothing on a second run', async () => {
    const { store, vault } = await unlockedVault();
    const configStorage = createMemoryConfigStorage();
    await applyMigration(importKiloCodeConfig(sampleText), { configStorage, vault });
    const keyRecords = [...(await store.readAll())].filter(([name]) => name.startsWith('entry/'));
    const report = await applyMigration(importKiloCodeConfig(sampleText), { configStorage, vault });
    expect(report.changed).toBe(false);
    const after = [...(await store.readAll())].filter(([name]) => name.startsWith('entry/'));
    expect(after).toEqual(keyRecords);
  });
});
