import { describe, expect, it } from 'vitest';
import { parseRateLimitHeaders } from './rate-limit-headers.js';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('parseRateLimitHeaders', () => {
  it('reads OpenAI x-ratelimit headers with duration resets', () => {
    const info = parseRateLimitHeaders(
      new Headers({
        'x-ratelimit-limit-requests': '500',
        'x-ratelimit-remaining-requests': '499',
        'x-ratelimit-reset-requests': '120ms',
        'x-ratelimit-limit-tokens': '200000',
        'x-ratelimit-remaining-tokens': '199985',
        'x-ratelimit-reset-tokens': '6m0s',
      }),
      now,
    );
    expect(info).toEqual({
      requestsLimit: 500,
      requestsRemaining: 499,
      requestsReset: new Date(now + 120),
      tokensLimit: 200000,
      tokensRemaining: 199985,
      tokensReset: new Date(now + 360_000),
      updatedAt: new Date(now),
    });
  });

  it('reads Anthropic headers with RFC 3339 resets and retry-after', () => {
    const info = parseRateLimitHeaders(
      new Headers({
        'anthropic-ratelimit-requests-limit': '50',
        'anthropic-ratelimit-requests-remaining': '49',
        'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:05Z',
        'anthropic-ratelimit-input-tokens-limit': '50000',
        'anthropic-ratelimit-input-tokens-remaining': '0',
        'anthropic-ratelimit-output-tokens-limit': '10000',
        'anthropic-ratelimit-output-tokens-remaining': '10000',
        'retry-after': '65',
      }),
      now,
    );
    expect(info).toMatchObject({
      requestsLimit: 50,
      requestsRemaining: 49,
      requestsReset: new Date('2026-01-01T00:00:05Z'),
      inputTokensLimit: 50000,
      inputTokensRemaining: 0,
      outputTokensLimit: 10000,
      outputTokensRemaining: 10000,
      retryAfter: 65,
    });
  });

  it('returns undefined when there are no rate-limit headers', () => {
    expect(
      parseRateLimitHeaders(new Headers({ 'content-type': 'application/json' }), now),
    ).toBeUndefined();
  });
});
