import type { ServerConfig } from './config/server-config.js';
import type { RequestLogger } from './logging/request-logger.js';
import type { CORSProxy } from './proxy/cors-proxy.js';
import type { AdminTokenVerifier } from './security/admin-token.js';
import type { OriginPolicy } from './security/origin-policy.js';
import type { RateLimitStore } from './security/rate-limiter.js';
import type { ConfigStorage } from './storage/config-storage.js';
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
  /** Rebuilds the allow-list and runtime settings after the admin API changed them. */
  reloadSettings(): Promise<void>;
  /** Server-held key for a provider config id, decrypted (cached until the config changes). */
  serverKey(providerId: string): Promise<string | undefined>;
  /** Drops cached server keys (after a provider config changed). */
  forgetServerKeys(): void;
  /** Seconds since the process started serving; clocks are injectable for tests. */
  now(): number;
}
