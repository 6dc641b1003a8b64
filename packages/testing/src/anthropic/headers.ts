import { randomBytes } from 'node:crypto';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random base-62 text of `length` characters (Anthropic ids look like `msg_011C…`). */
export function randomBase62(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += BASE62[byte % 62];
  return text;
}

/** A request id shaped like Anthropic's (`req_011C` + 20 characters). */
export const requestId = (): string => `req_011C${randomBase62(20)}`;

/** A message id shaped like Anthropic's (`msg_011C` + 20 characters). */
export const messageId = (): string => `msg_011C${randomBase62(20)}`;

/** A tool-use id shaped like Anthropic's (`toolu_01` + 22 characters). */
export const toolUseId = (): string => `toolu_01${randomBase62(22)}`;

/** ISO time without milliseconds, as in `anthropic-ratelimit-*-reset`. */
const isoSeconds = (time: number): string => `${new Date(time).toISOString().slice(0, 19)}Z`;

/**
 * The full `anthropic-ratelimit-*` header set a successful call carries (values as recorded for
 * a tier-4 organisation). `inputTokensRemaining` lets the 429 answer report an exhausted budget.
 */
export function rateLimitHeaders(
  options: { inputTokensRemaining?: number; resetInSeconds?: number } = {},
): Record<string, string> {
  const now = Date.now();
  const reset = isoSeconds(now + (options.resetInSeconds ?? 0) * 1000);
  const current = isoSeconds(now);
  const inputRemaining = options.inputTokensRemaining ?? 10_000_000;
  return {
    'anthropic-ratelimit-input-tokens-limit': '10000000',
    'anthropic-ratelimit-input-tokens-remaining': String(inputRemaining),
    'anthropic-ratelimit-input-tokens-reset': reset,
    'anthropic-ratelimit-output-tokens-limit': '2000000',
    'anthropic-ratelimit-output-tokens-remaining': '2000000',
    'anthropic-ratelimit-output-tokens-reset': current,
    'anthropic-ratelimit-requests-limit': '10000',
    'anthropic-ratelimit-requests-remaining': '9999',
    'anthropic-ratelimit-requests-reset': current,
    'anthropic-ratelimit-tokens-limit': '12000000',
    'anthropic-ratelimit-tokens-remaining': String(inputRemaining + 2_000_000),
    'anthropic-ratelimit-tokens-reset': reset,
  };
}
