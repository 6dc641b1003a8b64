/** What a model can do. */
export interface ModelCapabilities {
  supportsTools: boolean;
  supportsImages: boolean;
  supportsReasoning: boolean;
  supportsStreaming: boolean;
  /** Vendor-side prompt caching. */
  supportsPromptCache?: boolean;
}

/** Prices in US dollars per million tokens. */
export interface ModelPricing {
  input: number;
  output: number;
  /** Price of input tokens read from cache. */
  cachedInput?: number;
  /** Price of input tokens written to cache. */
  cacheWrite?: number;
}

/** A model as ThinkBackCode describes it. */
export interface Model {
  /** Id to send in `ChatRequest.model`. */
  id: string;
  /** Human-readable name. */
  name: string;
  /** Provider type or registered provider id. */
  provider: string;
  /** Context window in tokens (0 when unknown). */
  contextWindow: number;
  /** Maximum output tokens (0 when unknown). */
  maxOutputTokens: number;
  capabilities: ModelCapabilities;
  pricing?: ModelPricing;
  /** The model is known to the built-in catalog (true) or only reported by the vendor (false). */
  inCatalog?: boolean;
}

/** Cumulative statistics of one provider instance since it was created. */
export interface UsageStats {
  requests: number;
  successfulRequests: number;
  failedRequests: number;
  /** successfulRequests / requests, 0–1 (1 when there were no requests). */
  successRate: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** Mean wall-clock latency of completed requests, in milliseconds. */
  averageLatencyMs: number;
}

/** Rate-limit state read from the last response's headers. Fields are absent when unknown. */
export interface RateLimitInfo {
  requestsLimit?: number;
  requestsRemaining?: number;
  /** When the request budget resets. */
  requestsReset?: Date;
  tokensLimit?: number;
  tokensRemaining?: number;
  tokensReset?: Date;
  inputTokensLimit?: number;
  inputTokensRemaining?: number;
  outputTokensLimit?: number;
  outputTokensRemaining?: number;
  /** Seconds to wait, from `retry-after` on the last response. */
  retryAfter?: number;
  /** When these figures were read (undefined: no response yet). */
  updatedAt?: Date;
}
