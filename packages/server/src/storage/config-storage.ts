import { REDACTED } from '@thinkbackcode/vault';
import { maskSecret } from '../security/hash.js';
import type { SecretBox } from '../security/secret-box.js';
import type { SqliteDatabase } from './database.js';
import { maskedHeaders, openHeaders, sealHeaders, splitHeaders } from './sealed-headers.js';

/**
 * A provider configuration as the admin API takes it: the core `ProviderConfig` shape
 * (`provider`, `id`, `apiKey`, `baseUrl`, …). Kept structural so storage does not depend on
 * which adapters are built.
 */
export interface StoredProviderConfig {
  provider: string;
  id?: string;
  apiKey?: string;
  baseUrl?: string;
  [field: string]: unknown;
}

/** A provider config as listed: the key replaced by a hint. */
export interface MaskedProviderConfig {
  provider: string;
  id: string;
  baseUrl?: string;
  [field: string]: unknown;
  /** `…abcd` when a key is stored, absent otherwise. */
  apiKeyHint?: string;
}

/** Settings the admin API can change at run time. */
export interface GlobalSettings {
  /** Browser origins allowed in addition to the configured ones. */
  allowedOrigins?: string[];
  /** Model aliases for `/v1`: alias → `provider/model`. */
  modelAliases?: Record<string, string>;
  /** Callers without an `Origin` must present a gateway key. */
  requireGatewayKey?: boolean;
  [field: string]: unknown;
}

/** A custom proxy target registered with `createProxy`. */
export interface ProxyTarget {
  /** Route id: `/api/proxy/custom/:id/*`. */
  id: string;
  /** Provider kind (decides how usage is read from responses), e.g. `openai`, `anthropic`. */
  provider: string;
  /** Upstream base URL the rest of the path is appended to. */
  baseUrl: string;
  /** The wire format of the upstream, for usage reading (default: `provider`). */
  format?: string;
}

/** Where provider configs, settings and proxy targets live. */
export interface ConfigStorage {
  /** Stores a provider config; its key is encrypted. Returns the id used. */
  saveProviderConfig(config: StoredProviderConfig): Promise<string>;
  /** The full config with the decrypted key, or null. */
  loadProviderConfig(id: string): Promise<StoredProviderConfig | null>;
  /** Every config with keys masked. */
  listProviderConfigs(): Promise<MaskedProviderConfig[]>;
  /** True when a config was deleted. */
  deleteProviderConfig(id: string): Promise<boolean>;
  saveGlobalSettings(settings: GlobalSettings): Promise<void>;
  loadGlobalSettings(): Promise<GlobalSettings>;
  saveProxyTarget(target: ProxyTarget): Promise<void>;
  listProxyTargets(): Promise<ProxyTarget[]>;
  deleteProxyTarget(id: string): Promise<boolean>;
  /** A value of the internal settings table (admin token hash). */
  readInternal(key: string): string | undefined;
  writeInternal(key: string, value: string): void;
}

const settingsKey = 'global_settings';

/**
 * `ConfigStorage` on the gateway's SQLite database, with keys sealed by `secretBox` bound to their
 * provider id (a sealed key copied to another row does not open).
 */
export function createSqliteConfigStorage(
  database: SqliteDatabase,
  secretBox: SecretBox,
): ConfigStorage {
  const statements = {
    upsertProvider: database.prepare(
      `INSERT INTO providers (id, config, sealed_key, key_hint, updated_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET config = excluded.config,
         sealed_key = COALESCE(excluded.sealed_key, providers.sealed_key),
         key_hint = COALESCE(excluded.key_hint, providers.key_hint),
         updated_at = excluded.updated_at`,
    ),
    selectProvider: database.prepare('SELECT config, sealed_key FROM providers WHERE id = ?'),
    listProviders: database.prepare('SELECT id, config, key_hint FROM providers ORDER BY id'),
    deleteProvider: database.prepare('DELETE FROM providers WHERE id = ?'),
    readSetting: database.prepare('SELECT value FROM settings WHERE key = ?'),
    writeSetting: database.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    ),
    upsertProxy: database.prepare(
      `INSERT INTO proxies (id, config, created_at) VALUES (?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET config = excluded.config`,
    ),
    listProxies: database.prepare('SELECT config FROM proxies ORDER BY id'),
    deleteProxy: database.prepare('DELETE FROM proxies WHERE id = ?'),
  };

  const readInternal = (key: string): string | undefined => {
    const row = statements.readSetting.get(key) as { value: string } | undefined;
    return row?.value;
  };

  /** The full config: the key and the sealed headers opened. */
  async function loadProviderConfig(id: string): Promise<StoredProviderConfig | null> {
    const row = statements.selectProvider.get(id) as
      | { config: string; sealed_key: string | null }
      | undefined;
    if (!row) return null;
    const { sealedHeaders, sealedHeaderNames, ...config } = JSON.parse(
      row.config,
    ) as StoredProviderConfig & { sealedHeaders?: string; sealedHeaderNames?: string[] };
    if (typeof sealedHeaders === 'string') {
      config.headers = {
        ...(config.headers as Record<string, string> | undefined),
        ...(await openHeaders(secretBox, id, sealedHeaders)),
      };
    }
    if (row.sealed_key !== null) config.apiKey = await secretBox.open(row.sealed_key, id);
    return config;
  }

  /**
   * A config edited from its listing sends sealed headers back as `[REDACTED]`: keep their stored
   * values (and drop a masked header that has none).
   */
  async function keepMaskedHeaders(id: string, headers: unknown): Promise<unknown> {
    if (typeof headers !== 'object' || headers === null) return headers;
    const entries = Object.entries(headers as Record<string, unknown>);
    if (!entries.some(([, value]) => value === REDACTED)) return headers;
    const previous = (await loadProviderConfig(id))?.headers as Record<string, string> | undefined;
    const kept: Record<string, unknown> = {};
    for (const [name, value] of entries) {
      if (value !== REDACTED) kept[name] = value;
      else if (previous?.[name] !== undefined) kept[name] = previous[name];
    }
    return kept;
  }

  return {
    async saveProviderConfig(config) {
      const id = config.id ?? (typeof config.name === 'string' ? config.name : config.provider);
      const { apiKey, headers, ...rest } = config;
      const { plain, secret } = splitHeaders(await keepMaskedHeaders(id, headers));
      const sealedHeaders = await sealHeaders(secretBox, id, secret);
      const stored: Record<string, unknown> = { ...rest, id };
      if (Object.keys(plain).length > 0) stored.headers = plain;
      if (sealedHeaders !== undefined) {
        stored.sealedHeaders = sealedHeaders;
        stored.sealedHeaderNames = Object.keys(secret);
      }
      const sealed =
        typeof apiKey === 'string' && apiKey !== '' ? await secretBox.seal(apiKey, id) : null;
      const hint = sealed === null ? null : maskSecret(apiKey as string);
      statements.upsertProvider.run(id, JSON.stringify(stored), sealed, hint, Date.now());
      return id;
    },
    loadProviderConfig,
    async listProviderConfigs() {
      const rows = statements.listProviders.all() as Array<{
        id: string;
        config: string;
        key_hint: string | null;
      }>;
      return rows.map((row) => {
        const { sealedHeaders, sealedHeaderNames, ...config } = JSON.parse(
          row.config,
        ) as MaskedProviderConfig & { sealedHeaders?: string; sealedHeaderNames?: string[] };
        if (sealedHeaderNames !== undefined) {
          config.headers = maskedHeaders(
            config.headers as Record<string, string> | undefined,
            sealedHeaderNames,
          );
        }
        return row.key_hint === null ? config : { ...config, apiKeyHint: row.key_hint };
      });
    },
    async deleteProviderConfig(id) {
      return statements.deleteProvider.run(id).changes > 0;
    },
    async saveGlobalSettings(settings) {
      statements.writeSetting.run(settingsKey, JSON.stringify(settings));
    },
    async loadGlobalSettings() {
      const value = readInternal(settingsKey);
      return value === undefined ? {} : (JSON.parse(value) as GlobalSettings);
    },
    async saveProxyTarget(target) {
      statements.upsertProxy.run(target.id, JSON.stringify(target), Date.now());
    },
    async listProxyTargets() {
      const rows = statements.listProxies.all() as Array<{ config: string }>;
      return rows.map((row) => JSON.parse(row.config) as ProxyTarget);
    },
    async deleteProxyTarget(id) {
      return statements.deleteProxy.run(id).changes > 0;
    },
    readInternal,
    writeInternal(key, value) {
      statements.writeSetting.run(key, value);
    },
  };
}
