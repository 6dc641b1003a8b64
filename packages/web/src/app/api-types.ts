/** Provider kinds the gateway accepts (the core `ProviderType`). */
export const PROVIDER_KINDS = [
  'openai',
  'anthropic',
  'google',
  'ollama',
  'lmstudio',
  'custom',
  'thinkbackcode',
] as const;

/** One provider kind. */
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A provider config as sent to `POST /api/admin/providers` (the core `ProviderConfig` shape). */
export interface ProviderConfigBody {
  provider: ProviderKind;
  id?: string;
  apiKey?: string;
  [field: string]: unknown;
}

/** A provider config as `GET /api/admin/providers` lists it: no key, only `apiKeyHint`. */
export interface ListedProvider {
  provider: string;
  id: string;
  baseUrl?: string;
  /** `…abcd` when a key is stored. */
  apiKeyHint?: string;
  [field: string]: unknown;
}

/** `POST /api/admin/providers/test` and `/:id/test`. */
export interface ConnectionResult {
  ok: boolean;
  error?: string;
}

/** A gateway key as listed (never the key itself). */
export interface GatewayKeyRecord {
  id: string;
  name: string;
  /** `…abcd`. */
  keyHint: string;
  /** Epoch milliseconds. */
  createdAt: number;
  revokedAt?: number;
  expiresAt?: number;
  allowedModels?: string[];
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

/** What `POST /api/admin/gateway-keys` takes. */
export interface GatewayKeyOptions {
  name: string;
  allowedModels?: string[];
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Epoch milliseconds. */
  expiresAt?: number;
}

/** `POST /api/admin/gateway-keys`: the record plus the key, shown this once. */
export interface CreatedGatewayKey extends GatewayKeyRecord {
  key: string;
}

/** ISO 8601 bounds, `to` exclusive. */
export interface PeriodBounds {
  from: string;
  to: string;
}

/** `GET /api/analytics/usage`. */
export interface UsageMetrics {
  period: PeriodBounds;
  requests: number;
  successfulRequests: number;
  failedRequests: number;
  successRate: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** US dollars. */
  cost: number;
  averageLatencyMs: number;
}

/** One line of a cost breakdown. */
export interface CostLine {
  cost: number;
  requests: number;
  totalTokens: number;
}

/** `GET /api/analytics/costs`. */
export interface CostBreakdown {
  period: PeriodBounds;
  totalCost: number;
  byProvider: Array<CostLine & { provider: string }>;
  byModel: Array<CostLine & { provider: string; model: string }>;
  byDay: Array<CostLine & { day: string }>;
}

/** `GET /api/analytics/projection`. */
export interface CostProjection {
  method: string;
  month: string;
  monthToDateCost: number;
  dailyRate: number;
  lookbackDays: number;
  remainingDays: number;
  projectedMonthEndCost: number;
}

/** Three percentiles in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** `GET /api/analytics/latency/:provider`. */
export interface LatencyMetrics {
  provider: string;
  count: number;
  latencyMs: Percentiles;
  timeToFirstByteMs: Percentiles;
}

/** `GET /api/analytics/errors/:provider`. */
export interface ErrorRates {
  provider: string;
  requests: number;
  errors: number;
  errorRate: number;
  byType: Record<string, { count: number; rate: number }>;
}

/** A time range in epoch milliseconds, `to` exclusive. */
export interface Period {
  from: number;
  to: number;
}
