import type { ServerResponse } from 'node:http';
import type { ScriptedError, ScriptedErrorKind } from '../script.js';

/** Gin's `c.JSON` content type, as the recordings show it. */
export const OLLAMA_JSON = 'application/json; charset=utf-8';

interface ErrorShape {
  status: number;
  message: string;
}

/**
 * How each failure class looks on Ollama: always `{"error":"<text>"}` (docs/api/errors.mdx).
 * Local servers have no auth or quota; those come from ollama.com (cloud models), which answers
 * 401 `unauthorized` and 429 with a usage-limit text. 503 is the scheduler's `ErrMaxQueue`.
 */
const shapes: Record<ScriptedErrorKind, ErrorShape> = {
  auth: { status: 401, message: 'unauthorized' },
  permission: { status: 403, message: 'forbidden' },
  not_found: { status: 404, message: "model 'unknown' not found" },
  invalid_request: { status: 400, message: 'invalid request' },
  context_length: {
    status: 400,
    message: 'the input length exceeds the context length',
  },
  rate_limit: { status: 429, message: 'too many requests, please try again later' },
  quota: {
    status: 429,
    message: "you've reached your weekly usage limit, please upgrade to continue",
  },
  server: { status: 500, message: 'the model failed to generate a response' },
  overloaded: {
    status: 503,
    message: 'server busy, please try again.  maximum pending requests exceeded',
  },
  unavailable: { status: 503, message: 'service unavailable' },
  timeout: { status: 504, message: 'gateway timeout' },
};

/** Text of Ollama's mid-stream error line for an in-stream failure kind. */
export function streamErrorMessage(kind: 'overloaded' | 'server' | 'quota'): string {
  if (kind === 'quota') return shapes.quota.message;
  if (kind === 'overloaded') return shapes.overloaded.message;
  return 'an error was encountered while running the model';
}

/** Writes an Ollama error answer `{"error":"..."}` with the status Ollama uses. */
export function sendOllamaError(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify({ error: message });
  response.writeHead(status, {
    'content-type': OLLAMA_JSON,
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

/** Renders a scripted error; `retryAfter` becomes a `Retry-After` header (seconds). */
export function sendScriptedError(
  response: ServerResponse,
  error: ScriptedError,
  requestedModel: string,
): void {
  const shape = shapes[error.kind];
  const fallback =
    error.kind === 'not_found' ? `model '${requestedModel}' not found` : shape.message;
  const headers: Record<string, string> = {};
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  sendOllamaError(response, shape.status, error.message ?? fallback, headers);
}

/** Gin's answer for a route that does not exist. */
export function sendRouteNotFound(response: ServerResponse): void {
  const text = '404 page not found';
  response.writeHead(404, { 'content-type': 'text/plain', 'content-length': String(text.length) });
  response.end(text);
}
