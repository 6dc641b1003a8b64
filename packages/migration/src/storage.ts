import type { ModelPreference, ProfileSettings, StoredProviderConfig } from './types.js';

/** A value or a promise of it: storages may be synchronous (SQLite) or not (IndexedDB, HTTP). */
export type MaybePromise<T> = T | Promise<T>;

/** Model preferences as stored: mode → profile, the active profile and per-profile settings. */
export interface StoredModelPreferences {
  /** Mode (`code`, `architect`, …) → profile. */
  modes: Record<string, ModelPreference>;
  /** Config id of the profile the source had active. */
  activeProfile?: string;
  /** Config id → generation settings (temperature, reasoning, …). */
  settings: Record<string, ProfileSettings>;
}

/**
 * Where provider configs live (the gateway implements it over SQLite with these method names).
 * Configs never contain keys: keys go to the vault under the same id.
 */
export interface ConfigStorage {
  /** Creates or replaces the config stored under `id`. */
  saveProviderConfig(id: string, config: StoredProviderConfig): MaybePromise<void>;
  /** The config stored under `id`, or `undefined`/`null` when there is none. */
  loadProviderConfig(id: string): MaybePromise<StoredProviderConfig | undefined | null>;
  /** Removes the config stored under `id` (no error when there is none). */
  deleteProviderConfig(id: string): MaybePromise<unknown>;
  /** Every stored config with its id. */
  listProviderConfigs(): MaybePromise<Array<{ id: string; config: StoredProviderConfig }>>;
  /** Stores model preferences; optional — without it `applyMigration` reports them as not stored. */
  saveModelPreferences?(preferences: StoredModelPreferences): MaybePromise<void>;
  /** The stored model preferences, if any. */
  loadModelPreferences?(): MaybePromise<StoredModelPreferences | undefined | null>;
}

/**
 * The part of `@thinkbackcode/vault`'s `KeyVault` the migration uses; the vault must be unlocked.
 * Keys are stored under the profile's config id.
 */
export interface MigrationKeyVault {
  store(
    provider: string,
    key: string,
    options?: { metadata?: Record<string, string> },
  ): Promise<unknown>;
  /** The stored key, or `null` when there is none. */
  retrieve(provider: string): Promise<string | null>;
  delete(provider: string): Promise<unknown>;
}

/**
 * A `ConfigStorage` in memory, for tests, dry runs and the browser. Configs are copied in and
 * out, so callers cannot change what is stored by mutating an object.
 */
export function createMemoryConfigStorage(): ConfigStorage & {
  /** Stored model preferences (a copy), for inspection. */
  readonly preferences: StoredModelPreferences | undefined;
} {
  const configs = new Map<string, StoredProviderConfig>();
  let preferences: StoredModelPreferences | undefined;
  return {
    saveProviderConfig(id, config) {
      configs.set(id, structuredClone(config));
    },
    loadProviderConfig(id) {
      const config = configs.get(id);
      return config === undefined ? undefined : structuredClone(config);
    },
    deleteProviderConfig(id) {
      return configs.delete(id);
    },
    listProviderConfigs() {
      return [...configs].map(([id, config]) => ({ id, config: structuredClone(config) }));
    },
    saveModelPreferences(value) {
      preferences = structuredClone(value);
    },
    loadModelPreferences() {
      return preferences === undefined ? undefined : structuredClone(preferences);
    },
    get preferences() {
      return preferences === undefined ? undefined : structuredClone(preferences);
    },
  };
}
