import type {
  ConfigStorage as MigrationConfigStorage,
  StoredModelPreferences,
  StoredProviderConfig,
} from '@thinkbackcode/migration';
import type { ConfigStorage as GatewayConfigStorage } from '@thinkbackcode/server';

/** Internal settings key of the migrated model preferences (mode → profile, active profile). */
export const MODEL_PREFERENCES_KEY = 'model_preferences';

/** Drops what the gateway adds or keeps apart (the sealed key, its hint) from a stored config. */
function withoutKey(config: Record<string, unknown>): StoredProviderConfig {
  const { apiKey: _apiKey, apiKeyHint: _apiKeyHint, ...rest } = config;
  return rest as unknown as StoredProviderConfig;
}

/**
 * The migration's `ConfigStorage` over the gateway's SQLite storage: configs by id (keys never go
 * here, they go to the vault), model preferences in the gateway's internal settings table.
 */
export function createMigrationStorage(storage: GatewayConfigStorage): MigrationConfigStorage {
  return {
    async saveProviderConfig(id, config) {
      await storage.saveProviderConfig({ ...config, id });
    },
    async loadProviderConfig(id) {
      const stored = await storage.loadProviderConfig(id);
      return stored === null ? null : withoutKey(stored);
    },
    deleteProviderConfig: (id) => storage.deleteProviderConfig(id),
    async listProviderConfigs() {
      const configs = await storage.listProviderConfigs();
      return configs.map((config) => ({ id: config.id, config: withoutKey(config) }));
    },
    saveModelPreferences(preferences) {
      storage.writeInternal(MODEL_PREFERENCES_KEY, JSON.stringify(preferences));
    },
    loadModelPreferences() {
      return readModelPreferences(storage);
    },
  };
}

/** The stored model preferences, or undefined. */
export function readModelPreferences(
  storage: GatewayConfigStorage,
): StoredModelPreferences | undefined {
  const text = storage.readInternal(MODEL_PREFERENCES_KEY);
  if (text === undefined) return undefined;
  const value: unknown = JSON.parse(text);
  return typeof value === 'object' && value !== null
    ? (value as StoredModelPreferences)
    : undefined;
}
