import type { Hono } from 'hono';
import { createApp } from './app.js';
import { loadServerConfig } from './config/load-config.js';
import type { ServerConfig } from './config/server-config.js';
import type { GatewayContext } from './gateway-context.js';
import { createRequestLogger, type RequestLogger } from './logging/request-logger.js';
import { CORSProxy } from './proxy/cors-proxy.js';
import { isStoredFor } from './proxy/key-target.js';
import type { GatewayEnvironment } from './routes/bindings.js';
import { ensureAdminToken } from './security/admin-token.js';
import { createOriginPolicy, type OriginPolicy } from './security/origin-policy.js';
import { createMemoryRateLimitStore, type RateLimitStore } from './security/rate-limiter.js';
import {
  createEnvelopeSecretBox,
  ephemeralServerSecret,
  loadServerSecret,
  type SecretBox,
} from './security/secret-box.js';
import type { Resolver } from './security/ssrf-guard.js';
import {
  createSqliteConfigStorage,
  type MaskedProviderConfig,
  type StoredProviderConfig,
} from './storage/config-storage.js';
import { openDatabase, type SqliteDatabase } from './storage/database.js';
import { createSqliteGatewayKeyStore } from './storage/gateway-key-store.js';
import { createSqliteUsageStore } from './storage/usage-store.js';
import { createGatewayFetch } from './unified/gateway-fetch.js';
import { loadDefaultProviderFactory, type ProviderFactory } from './unified/provider-factory.js';
import { createCatalogPriceLookup, type PriceLookup } from './usage/price-lookup.js';
import { createUsageRecorder } from './usage/usage-recorder.js';

/** Options of `createServer`; every part is optional and defaults from the config. */
export interface CreateServerOptions {
  /** Full config (default: `loadServerConfig(environment)`). */
  config?: ServerConfig;
  /** Environment to load the config from (default `process.env`). */
  environment?: Record<string, string | undefined>;
  /** Where a newly generated admin token is shown (default: printed to stderr once). */
  announceAdminToken?: (token: string) => void;
  logger?: RequestLogger;
  prices?: PriceLookup;
  rateLimits?: RateLimitStore;
  /** Encrypts server-held keys (default: the vault's envelope under the server secret). */
  secretBox?: SecretBox;
  /** DNS resolver for custom targets (tests). */
  resolver?: Resolver;
  /** CAs (PEM) trusted for vendor origins instead of Node's roots (a private CA; tests). */
  certificateAuthorities?: string[];
  /** Adapter factory for `/v1` (default: the core's `createDefaultRegistry`). */
  providerFactory?: ProviderFactory;
  /** Clock in epoch milliseconds (tests). */
  now?: () => number;
}

/** A gateway ready to serve: the Hono app, its context and a `close` that flushes and releases. */
export interface GatewayServer {
  app: Hono<GatewayEnvironment>;
  context: GatewayContext;
  config: ServerConfig;
  /** Marks the server as draining (health answers 503). */
  drain(): void;
  /** Flushes usage, closes upstream connections and the database. */
  close(): Promise<void>;
}

function printAdminToken(token: string): void {
  process.stderr.write(
    `ThinkBackCode admin token (shown once, stored hashed; keep it safe):\n  ${token}\n`,
  );
}

/** Builds the gateway: database, stores, proxy, usage recorder and the Hono app. */
export async function createServer(options: CreateServerOptions = {}): Promise<GatewayServer> {
  const config = options.config ?? loadServerConfig(options.environment ?? process.env);
  const database: SqliteDatabase = openDatabase(config.dataDir);
  const secretBox =
    options.secretBox ??
    createEnvelopeSecretBox(
      config.dataDir === ':memory:'
        ? (config.secret ?? ephemeralServerSecret())
        : loadServerSecret(config.dataDir, config.secret),
    );
  const configStorage = createSqliteConfigStorage(database, secretBox);
  const usageStore = createSqliteUsageStore(database);
  const usageRecorder = createUsageRecorder(usageStore, {
    flushIntervalMs: config.usageFlushIntervalMs,
  });
  const adminToken = ensureAdminToken(
    configStorage,
    config.adminToken,
    options.announceAdminToken ?? printAdminToken,
  );
  const proxy = new CORSProxy({
    upstreams: config.upstreams,
    policy: {
      allowLocalTargets: config.allowLocalTargets,
      allowInsecureTargets: config.allowInsecureTargets,
    },
    firstByteTimeoutMs: config.firstByteTimeoutMs,
    idleTimeoutMs: config.idleTimeoutMs,
    certificatePins: config.certificatePins,
    ...(options.certificateAuthorities
      ? { certificateAuthorities: options.certificateAuthorities }
      : {}),
    storage: configStorage,
    ...(options.resolver ? { resolver: options.resolver } : {}),
  });
  await proxy.restore();

  let originPolicy: OriginPolicy = createOriginPolicy(config.allowedOrigins);
  let modelAliases: Record<string, string> = { ...config.modelAliases };
  const providerConfigs = new Map<string, Promise<StoredProviderConfig | null>>();
  let providerSummaries = new Map<string, MaskedProviderConfig>();
  const refreshProviderSummaries = async () => {
    const listed = await configStorage.listProviderConfigs();
    providerSummaries = new Map(listed.map((config) => [config.id, config]));
  };
  await refreshProviderSummaries();
  const baseRequireGatewayKey = config.requireGatewayKey;
  let draining = false;

  const context: GatewayContext = {
    config,
    configStorage,
    usageStore,
    gatewayKeys: createSqliteGatewayKeyStore(database),
    usageRecorder,
    rateLimits: options.rateLimits ?? createMemoryRateLimitStore(),
    proxy,
    prices: options.prices ?? createCatalogPriceLookup((id) => providerSummaries.get(id)),
    logger: options.logger ?? createRequestLogger(),
    adminToken,
    originPolicy: () => originPolicy,
    modelAliases: () => modelAliases,
    async reloadSettings() {
      const settings = await configStorage.loadGlobalSettings();
      modelAliases = { ...config.modelAliases, ...settings.modelAliases };
      originPolicy = createOriginPolicy([
        ...config.allowedOrigins,
        ...(settings.allowedOrigins ?? []),
      ]);
      config.requireGatewayKey = settings.requireGatewayKey ?? baseRequireGatewayKey;
    },
    providerConfig(providerId) {
      let loaded = providerConfigs.get(providerId);
      if (loaded === undefined) {
        loaded = configStorage.loadProviderConfig(providerId);
        providerConfigs.set(providerId, loaded);
        loaded.catch(() => providerConfigs.delete(providerId));
      }
      return loaded;
    },
    async serverKey(providerId, target) {
      const stored = await context.providerConfig(providerId);
      if (typeof stored?.apiKey !== 'string' || stored.apiKey === '') return undefined;
      if (target && !isStoredFor(stored, target)) return undefined;
      return stored.apiKey;
    },
    async providersChanged() {
      providerConfigs.clear();
      await refreshProviderSummaries();
    },
    now: options.now ?? Date.now,
  };
  await context.reloadSettings();
  // Open every stored key now (one PBKDF2 each, in parallel, off the request path) so that no
  // request pays a key derivation; a failure here surfaces again on the request that needs it.
  for (const stored of providerSummaries.values()) {
    if (stored.apiKeyHint !== undefined) context.providerConfig(stored.id).catch(() => {});
  }
  const gatewayFetch = createGatewayFetch();
  const providerFactory = options.providerFactory ?? (await loadDefaultProviderFactory());
  const app = createApp(context, {
    isDraining: () => draining,
    providerFactory,
    providerFetch: gatewayFetch.fetch,
  });

  return {
    app,
    context,
    config,
    drain() {
      draining = true;
    },
    async close() {
      draining = true;
      usageRecorder.close();
      await Promise.allSettled([proxy.close(), gatewayFetch.close()]);
      database.close();
    },
  };
}
