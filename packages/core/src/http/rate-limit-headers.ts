import { parseRetryAfter } from '../errors/index.js';
import type { RateLimitInfo } from '../spec/index.js';

const toNumber = (value: string | null): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
};

/** OpenAI's reset durations look like `6m0s`, `1s`, `120ms`, `0.5s`. */
const parseResetDuration = (value: string | null, now: number): Date | undefined => {
  if (value === null || value === '') return undefined;
  const asDate = Date.parse(value);
  if (/^\d{4}-/.test(value) && !Number.isNaN(asDate)) return new Date(asDate);
  let total = 0;
  let matched = false;
  for (const match of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    matched = true;
    const amount = Number(match[1]);
    const unit = match[2];
    total +=
      unit === 'h'
        ? amount * 3_600_000
        : unit === 'm'
          ? amount * 60_000
          : unit === 's'
            ? amount * 1000
            : amount;
  }
  return matched ? new Date(now + total) : undefined;
};

/**
 * Reads rate-limit state from OpenAI-style `x-ratelimit-*` and Anthropic
 * `anthropic-ratelimit-*` headers. Returns `undefined` when the response carries none.
 */
export function parseRateLimitHeaders(
  headers: Headers,
  now: number = Date.now(),
): RateLimitInfo | undefined {
  const info: RateLimitInfo = {};
  const set = <K extends keyof RateLimitInfo>(key: K, value: RateLimitInfo[K] | undefined) => {
    if (value !== undefined) info[key] = value;
  };
  set(
    'requestsLimit',
    toNumber(headers.get('x-ratelimit-limit-requests')) ??
      toNumber(headers.get('anthropic-ratelimit-requests-limit')),
  );
  set(
    'requestsRemaining',
    toNumber(headers.get('x-ratelimit-remaining-requests')) ??
      toNumber(headers.get('anthropic-ratelimit-requests-remaining')),
  );
  set(
    'requestsReset',
    parseResetDuration(
      headers.get('x-ratelimit-reset-requests') ??
        headers.get('anthropic-ratelimit-requests-reset'),
      now,
    ),
  );
  set(
    'tokensLimit',
    toNumber(headers.get('x-ratelimit-limit-tokens')) ??
      toNumber(headers.get('anthropic-ratelimit-tokens-limit')),
  );
  set(
    'tokensRemaining',
    toNumber(headers.get('x-ratelimit-remaining-tokens')) ??
      toNumber(headers.get('anthropic-ratelimit-tokens-remaining')),
  );
  set(
    'tokensReset',
    parseResetDuration(
      headers.get('x-ratelimit-reset-tokens') ?? headers.get('anthropic-ratelimit-tokens-reset'),
      now,
    ),
  );
  set('inputTokensLimit', toNumber(headers.get('anthropic-ratelimit-input-tokens-limit')));
  set('inputTokensRemaining', toNumber(headers.get('anthropic-ratelimit-input-tokens-remaining')));
  set('outputTokensLimit', toNumber(headers.get('anthropic-ratelimit-output-tokens-limit')));
  set(
    'outputTokensRemaining',
    toNumber(headers.get('anthropic-ratelimit-output-tokens-remaining')),
  );
  set('retryAfter', parseRetryAfter(headers, now));
  if (Object.keys(info).length === 0) return undefined;
  info.updatedAt = new Date(now);
  return info;
}
