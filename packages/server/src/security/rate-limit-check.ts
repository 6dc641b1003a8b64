import { ProxyError } from '../proxy/proxy-error.js';
import type { RateLimitStore } from './rate-limiter.js';

const minute = 60_000;

/** Limits that apply to one request. 0 disables a limit. */
export interface AppliedLimits {
  requestsPerMinute: number;
  tokensPerMinute: number;
}

/** A rate limit refusal with the headers to send. */
export class RateLimitError extends ProxyError {
  readonly headers: Record<string, string>;
  constructor(headers: Record<string, string>) {
    super(429, 'rate_limit', 'Rate limit reached; retry after the time in Retry-After');
    this.headers = headers;
  }
}

/**
 * Takes one request from the caller's request bucket and checks that its token bucket is not in
 * debt. Returns `RateLimit-*` headers; throws `RateLimitError` (with `Retry-After`) when refused.
 */
export function checkRateLimits(
  store: RateLimitStore,
  bucket: string,
  limits: AppliedLimits,
  now: number,
): Record<string, string> {
  let headers: Record<string, string> = {};
  if (limits.requestsPerMinute > 0) {
    const decision = store.take(`req|${bucket}`, 1, limits.requestsPerMinute, minute, now);
    headers = {
      'ratelimit-limit': String(decision.limit),
      'ratelimit-remaining': String(decision.remaining),
      'ratelimit-reset': String(decision.resetSeconds),
    };
    if (!decision.allowed) {
      throw new RateLimitError({ ...headers, 'retry-after': String(decision.retryAfterSeconds) });
    }
  }
  if (limits.tokensPerMinute > 0) {
    const decision = store.take(`tok|${bucket}`, 0, limits.tokensPerMinute, minute, now);
    if (!decision.allowed) {
      throw new RateLimitError({
        ...headers,
        'ratelimit-remaining': '0',
        'retry-after': String(decision.retryAfterSeconds),
      });
    }
  }
  return headers;
}

/** Charges the tokens a finished request used to the caller's token bucket. */
export function chargeTokens(
  store: RateLimitStore,
  bucket: string,
  limits: AppliedLimits,
  tokens: number,
  now: number,
): void {
  if (limits.tokensPerMinute > 0 && tokens > 0) {
    store.charge(`tok|${bucket}`, tokens, limits.tokensPerMinute, minute, now);
  }
}
