export { type AppOptions, createApp } from './app.js';
export { CONFIG_FILE_NAME, loadServerConfig } from './config/load-config.js';
export { defaultServerConfig, type ServerConfig } from './config/server-config.js';
export { type CreateServerOptions, createServer, type GatewayServer } from './create-server.js';
export type { GatewayContext } from './gateway-context.js';
export { CORSProxy, type ForwardInput, type ForwardResult } from './proxy/cors-proxy.js';
export { createMemoryRateLimitStore, type RateLimitStore } from './security/rate-limiter.js';
export { checkTargetUrl, isForbiddenAddress, SSRFError } from './security/ssrf-guard.js';
export { main, type RunningServer, type StartServerOptions, startServer } from './start-server.js';
export type {
  ConfigStorage,
  GlobalSettings,
  ProxyTarget,
  StoredProviderConfig,
} from './storage/config-storage.js';
export type { GatewayKeyStore } from './storage/gateway-key-store.js';
export type { UsageQuery, UsageRecord, UsageStore } from './storage/usage-store.js';
export {
  createCatalogPriceLookup,
  createTablePriceLookup,
  estimateUsageCost,
  type PricedProviderConfig,
  type PriceLookup,
  type TokenPrices,
} from './usage/price-lookup.js';
