import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCountingStorage, FakeVault } from './__fixtures__/fakes.js';
import { applyMigration } from './apply-migration.js';
import { MigrationError } from './errors.js';
import { formatMigrationReport } from './format-report.js';
import { importKiloCodeConfig } from './import-config.js';
import { SOURCE_PROVIDERS } from './mapping/provider-table.js';
import { validateMigration } from './validate-migration.js';

const CANARY = 'CANARY7f3a';
let counter = 0;
const canary = (): string => {
  counter += 1;
  return `sk-${CANARY}-${counter}`;
};

/** A profile for every known provider with a canary in every key field, plus credential traps. */
function plantedExport(): Record<string, unknown> {
  const apiConfigs: Record<string, unknown> = {};
  for (const [apiProvider, spec] of Object.entries(SOURCE_PROVIDERS)) {
    const fields: Record<string, unknown> = {
      id: `id-${apiProvider}`,
      apiProvider,
      apiModelId: 'm',
    };
    if ('keyFields' in spec) for (const field of spec.keyFields) fields[field] = canary();
    apiConfigs[`P ${apiProvider}`] = fields;
  }
  apiConfigs['Secrets everywhere'] = {
    id: 'x1',
    apiProvider: 'openai',
    openAiApiKey: canary(),
    openAiBaseUrl: `https://user:${canary()}@proxy.example.com/v1?api_key=${canary()}`,
    openAiHeaders: {
      Authorization: `Bearer ${canary()}`,
      'X-Custom-Token': canary(),
      Cookie: canary(),
    },
  };
  apiConfigs.AWS = {
    id: 'x2',
    apiProvider: 'bedrock',
    awsAccessKey: canary(),
    awsSecretKey: canary(),
    awsSessionToken: canary(),
    awsApiKey: canary(),
  };
  apiConfigs.Vertex = {
    id: 'x3',
    apiProvider: 'vertex',
    vertexJsonCredentials: `{"private_key":"${canary()}"}`,
  };
  apiConfigs.Unknown = { id: 'x4', apiProvider: 'nope', nopeApiKey: canary() };
  return {
    providerProfiles: { currentApiConfigName: 'AWS', apiConfigs, modeApiConfigs: { code: 'x1' } },
    globalSettings: { codeIndexOpenAiKey: canary() },
  };
}

function everywhere(text: string): void {
  expect(text).not.toContain(CANARY);
}

describe('keys never appear in the clear', () => {
  const text = JSON.stringify(plantedExport());
  const result = importKiloCodeConfig(text);

  it('plants keys for real: the import found them', () => {
    expect(result.profiles.filter((profile) => profile.hasKey).length).toBeGreaterThan(30);
  });

  it('not in the serialised or inspected result', () => {
    everywhere(JSON.stringify(result));
    everywhere(inspect(result, { depth: null, showHidden: true }));
  });

  it('not in the report, the validation or a copy of the result', () => {
    everywhere(formatMigrationReport(result));
    everywhere(JSON.stringify(validateMigration(result)));
    everywhere(JSON.stringify(structuredClone(result)));
  });

  it('not in errors from malformed files', () => {
    const broken = [
      text.slice(0, text.length / 2),
      text.replace('"apiKey":', '"apiKey" '),
      `${text}}`,
    ];
    for (const input of broken) {
      try {
        importKiloCodeConfig(input);
        throw new Error('expected an error');
      } catch (error) {
        expect(MigrationError.isInstance(error)).toBe(true);
        everywhere(String(error));
        everywhere(JSON.stringify(error));
        everywhere(inspect(error, { depth: null }));
      }
    }
  });

  it('not in errors from a failing apply, even when the store quotes the key', async () => {
    const vault = new FakeVault();
    // Fail a later key, so earlier keys were stored and must be rolled back.
    vault.failStoreOf = result.profiles.filter((profile) => profile.hasKey)[5]?.id;
    try {
      await applyMigration(result, { configStorage: createCountingStorage(), vault });
      throw new Error('expected an error');
    } catch (error) {
      expect(MigrationError.isInstance(error) && error.code).toBe('apply_failed');
      expect(String(error)).toContain('[redacted]');
      everywhere(String(error));
      everywhere(JSON.stringify(error));
    }
  });

  it('only in the vault after applying: never in stored configs or preferences', async () => {
    const storage = createCountingStorage();
    const vault = new FakeVault();
    await applyMigration(result, { configStorage: storage, vault });
    everywhere(JSON.stringify(await storage.listProviderConfigs()));
    everywhere(JSON.stringify(await storage.loadModelPreferences?.()));
    expect([...vault.keys.values()].every((key) => key.includes(CANARY))).toBe(true);
  });
});
