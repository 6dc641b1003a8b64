import type { ServerResponse } from 'node:http';
import type { ScriptedError, ScriptedErrorKind } from '../script.js';
import { requestId } from './common.js';

/** The `error` object of every OpenAI error body. */
export interface WireError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
}

/** An HTTP error answer: status, status text, body object and extra headers. */
export interface ErrorAnswer {
  status: number;
  statusText: string;
  error: WireError;
  headers?: Record<string, string>;
}

const wireError = (
  message: string,
  type: string,
  code: string | null = null,
  param: string | null = null,
): WireError => ({ message, type, param, code });

/** A 400 `invalid_request_error`, the answer to a request the real API would reject. */
export function invalidRequest(
  message: string,
  param: string | null = null,
  code: string | null = null,
): ErrorAnswer {
  return {
    status: 400,
    statusText: 'Bad Request',
    error: wireError(message, 'invalid_request_error', code, param),
  };
}

/**
 * The 401 for a wrong key (recorded in `error.401-invalid-api-key.http.json`). OpenAI echoes
 * keys shaped `sk-…` masked, anything else verbatim.
 */
export function invalidKey(key: string): ErrorAnswer {
  const shown = key.startsWith('sk-')
    ? `${key.slice(0, 3)}${'*'.repeat(Math.max(0, key.length - 7))}${key.slice(-4)}`
    : key;
  return {
    status: 401,
    statusText: 'Unauthorized',
    error: wireError(
      `Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_request_error',
      'invalid_api_key',
    ),
  };
}

/** The 401 when no `Authorization` header came at all. */
export function missingKey(): ErrorAnswer {
  return {
    status: 401,
    statusText: 'Unauthorized',
    error: wireError(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      'invalid_request_error',
    ),
  };
}

const TOKENS_LIMIT = 200_000;

/** Rate-limit headers of a 429 (recorded: `error.429-rate-limit-exceeded.http.json`). */
function exhaustedRateLimitHeaders(retryAfter: number | undefined): Record<string, string> {
  const reset = `${retryAfter ?? 6}s`;
  const headers: Record<string, string> = {
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-limit-tokens': String(TOKENS_LIMIT),
    'x-ratelimit-remaining-requests': '499',
    'x-ratelimit-remaining-tokens': '0',
    'x-ratelimit-reset-requests': '120ms',
    'x-ratelimit-reset-tokens': reset,
  };
  if (retryAfter !== undefined) headers['retry-after'] = String(retryAfter);
  return headers;
}

/** The answer to a scripted `error`, with OpenAI's real status, body and headers per kind. */
export function scriptedErrorAnswer(error: ScriptedError, model: string): ErrorAnswer {
  const kind: ScriptedErrorKind = error.kind;
  const custom = error.message;
  switch (kind) {
    case 'auth': {
      const answer = invalidKey('invalid-key');
      if (custom !== undefined) answer.error.message = custom;
      return answer;
    }
    case 'permission':
      return {
        status: 403,
        statusText: 'Forbidden',
        error: wireError(
          custom ?? 'Country, region, or territory not supported',
          'request_forbidden',
          'unsupported_country_region_territory',
        ),
      };
    case 'not_found':
      return {
        status: 404,
        statusText: 'Not Found',
        error: wireError(
          custom ?? `The model \`${model}\` does not exist or you do not have access to it.`,
          'invalid_request_error',
          'model_not_found',
        ),
      };
    case 'invalid_request':
      return invalidRequest(
        custom ?? "Invalid value for 'messages': the request was rejected.",
        null,
        null,
      );
    case 'context_length':
      return invalidRequest(
        custom ??
          "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
        'messages',
        'context_length_exceeded',
      );
    case 'rate_limit': {
      const wait = error.retryAfter === undefined ? '6ms' : `${error.retryAfter}s`;
      return {
        status: 429,
        statusText: 'Too Many Requests',
        error: wireError(
          custom ??
            `Rate limit reached for ${model} in organization org-simulator on tokens per min (TPM): Limit ${TOKENS_LIMIT}, Used ${TOKENS_LIMIT}, Requested 120. Please try again in ${wait}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
          'tokens',
          'rate_limit_exceeded',
        ),
        headers: exhaustedRateLimitHeaders(error.retryAfter),
      };
    }
    case 'quota':
      return { status: 429, statusText: 'Too Many Requests', error: quotaError(custom) };
    case 'server':
      return { status: 500, statusText: 'Internal Server Error', error: serverError(custom) };
    case 'overloaded':
      return { status: 503, statusText: 'Service Unavailable', error: overloadedError(custom) };
    case 'unavailable':
      return {
        status: 503,
        statusText: 'Service Unavailable',
        error: wireError(custom ?? 'The server is overloaded or not ready yet.', 'server_error'),
      };
    case 'timeout':
      return {
        status: 504,
        statusText: 'Gateway Timeout',
        error: wireError(custom ?? 'Request timed out.', 'server_error', 'timeout'),
      };
  }
}

/** `insufficient_quota`, on HTTP 429 or inside a stream. */
export const quotaError = (message?: string): WireError =>
  wireError(
    message ??
      'You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.',
    'insufficient_quota',
    'insufficient_quota',
  );

/** The generic 500 body. */
export const serverError = (message?: string): WireError =>
  wireError(
    message ?? 'The server had an error while processing your request. Sorry about that!',
    'server_error',
  );

/** The overloaded body. */
export const overloadedError = (message?: string): WireError =>
  wireError(
    message ?? 'The engine is currently overloaded, please try again later',
    'server_error',
  );

/** Writes an error answer as the API does: 4-space indented JSON, a trailing newline. */
export function sendError(response: ServerResponse, answer: ErrorAnswer): void {
  const text = `${JSON.stringify({ error: answer.error }, null, 4)}\n`;
  response.writeHead(answer.status, answer.statusText, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    vary: 'Origin',
    'x-request-id': requestId(),
    ...answer.headers,
  });
  response.end(text);
}
