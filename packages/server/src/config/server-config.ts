/** Upstream origins of the vendor APIs the proxy routes forward to. */
export interface UpstreamOrigins {
  /** Default `https://api.openai.com`. */
  openai: string;
  /** Default `https://api.anthropic.com`. */
  anthropic: string;
  /** Default `https://generativelanguage.googleapis.com`. */
  google: string;
}

/** Token-bucket limits per caller and route. */
export interface RateLimitSettings {
  /** Requests per minute per caller and route (0 disables the request limit). Default 600. */
  requestsPerMinute: number;
  /** Tokens per minute per caller and route, charged after each response (0 disables). Default 0. */
  tokensPerMinute: number;
}

/** Everything the gateway reads at start. */
export interface ServerConfig {
  /** Interface to listen on. Default `127.0.0.1`. */
  host: string;
  /** Port to listen on. Default `8787`. */
  port: number;
  /** Where the SQLite database, the server key and the config file live. Default `./data`. */
  dataDir: string;
  upstreams: UpstreamOrigins;
  /** Browser origins allowed to call the gateway (`*`, exact origins, `*.example.com`). Default none. */
  allowedOrigins: string[];
  /** Requests without an `Origin` must present a gateway key. Default false. */
  requireGatewayKey: boolean;
  /** Admin token from the environment (otherwise one is generated and stored hashed). */
  adminToken?: string;
  /** Server secret from the environment (otherwise a key file in the data dir is used). */
  secret?: string;
  rateLimit: RateLimitSettings;
  /** Largest request body accepted, in bytes. Default 10 MiB. */
  bodyLimitBytes: number;
  /** Milliseconds to wait for the upstream's response headers. Default 60,000. */
  firstByteTimeoutMs: number;
  /** Milliseconds without a body chunk before the upstream is given up. Default 300,000. */
  idleTimeoutMs: number;
  /** Custom targets may be loopback or private addresses (Ollama, LM Studio). Default false. */
  allowLocalTargets: boolean;
  /** Custom targets may use plain `http://` on non-local hosts. Default false. */
  allowInsecureTargets: boolean;
  /** SPKI SHA-256 pins (base64) by vendor host name. Default none. */
  certificatePins: Record<string, string[]>;
  /** Model aliases for `/v1`: alias → `provider/model`. */
  modelAliases: Record<string, string>;
  /** Milliseconds between usage batch writes. Default 1,000. */
  usageFlushIntervalMs: number;
  /** Write one log line per request to stdout. Default true. */
  logRequests: boolean;
}

/** The defaults every setting falls back to. */
export function defaultServerConfig(): ServerConfig {
  return {
    host: '127.0.0.1',
    port: 8787,
    dataDir: './data',
    upstreams: {
      openai: 'https://api.openai.com',
      anthropic: 'https://api.anthropic.com',
      google: 'https://generativelanguage.googleapis.com',
    },
    allowedOrigins: [],
    requireGatewayKey: false,
    rateLimit: { requestsPerMinute: 600, tokensPerMinute: 0 },
    bodyLimitBytes: 10 * 1024 * 1024,
    firstByteTimeoutMs: 60_000,
    idleTimeoutMs: 300_000,
    allowLocalTargets: false,
    allowInsecureTargets: false,
    certificatePins: {},
    modelAliases: {},
    usageFlushIntervalMs: 1000,
    logRequests: true,
  };
}
