import type { ServerConfig } from './config/server-config.js';
import type { RequestLogger } from './logging/request-logger.js';
import type { CORSProxy } from './proxy/cors-proxy.js';
import type { AdminTokenVerifier } from './security/admin-token.js';
import type { OriginPolicy } from './security/origin-policy.js';
import type { RateLimitStore } from './security/rate-limiter.js';
import type { ConfigStorage, StoredProviderConfig } from './storage/config-storage.js';
import type { GatewayKeyStore } from './storage/gateway-key-store.js';
import type { UsageStore } from './storage/usage-store.js';
import type { PriceLookup } from './usage/price-lookup.js';
import type { UsageRecorder } from './usage/usage-recorder.js';

/** Everything the routes need; `createApp` takes it so tests can inject each part. */
export interface GatewayContext {
  config: ServerConfig;
  configStorage: ConfigStorage;
  usageStore: UsageStore;
  gatewayKeys: GatewayKeyStore;
  usageRecorder: UsageRecorder;
  rateLimits: RateLimitStore;
  proxy: CORSProxy;
  prices: PriceLookup;
  logger: RequestLogger;
  adminToken: AdminTokenVerifier;
  /** The current origin allow-list (config plus admin settings). */
  originPolicy(): OriginPolicy;
  /** `/v1` model aliases: admin settings over the config file's (alias → `provider/model`). */
  modelAliases(): Record<string, string>;
  /** Rebuilds the allow-list and runtime settings after the admin API changed them. */
  reloadSettings(): Promise<void>;
  /**
   * A stored provider config with its decrypted key, or null; cached until `providersChanged`, so
   * requests pay neither a database read nor a decryption.
   */
  providerConfig(providerId: string): Promise<StoredProviderConfig | null>;
  /**
   * Server-held key for a provider config id (from `providerConfig`). With `target`, only when
   * the config is of the target's provider type and its `baseUrl` is empty or on the target's
   * origin, so a key never travels to an upstream it was not stored for.
   */
  serverKey(
    providerId: string,
    target?: { provider: string; origin: string },
  ): Promise<string | undefined>;
  /** Drops cached configs and keys and reloads what prices read (after the admin API changed one). */
  providersChanged(): Promise<void>;
  /** The clock in epoch milliseconds (injectable for tests). */
  now(): number;
}
