import type { ServerResponse } from 'node:http';
import { sendJSON } from '../harness.js';
import type { ScriptedError, ScriptedErrorKind } from '../script.js';
import { rateLimitHeaders, requestId } from './headers.js';

/** Anthropic's `error.type` values. */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'timeout_error'
  | 'api_error'
  | 'overloaded_error';

/** An HTTP error answer as the real API sends it. */
export interface AnthropicErrorAnswer {
  status: number;
  /** Reason phrase; the real 529 has an empty one. */
  statusText?: string;
  type: AnthropicErrorType;
  message: string;
  headers: Record<string, string>;
  /** The recorded 529 (and the 2025 429) bodies have no `request_id`. */
  includeRequestId: boolean;
}

interface KindSpec {
  status: number;
  type: AnthropicErrorType;
  message: (model: string) => string;
  shouldRetry?: 'true' | 'false';
  statusText?: string;
}

// Messages and `x-should-retry` values as recorded in the reference cassettes; 403, 500, 503 and
// 504 were never recorded, so they follow the documented error types.
const kinds: Record<ScriptedErrorKind, KindSpec> = {
  auth: {
    status: 401,
    type: 'authentication_error',
    message: () => 'invalid x-api-key',
    shouldRetry: 'false',
  },
  permission: {
    status: 403,
    type: 'permission_error',
    message: () => 'Your API key does not have permission to use the specified resource.',
    shouldRetry: 'false',
  },
  not_found: { status: 404, type: 'not_found_error', message: (model) => `model: ${model}` },
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    message: () => 'messages: roles must alternate between "user" and "assistant"',
    shouldRetry: 'false',
  },
  context_length: {
    status: 400,
    type: 'invalid_request_error',
    message: () => 'prompt is too long: 213442 tokens > 200000 maximum',
    shouldRetry: 'false',
  },
  rate_limit: {
    status: 429,
    type: 'rate_limit_error',
    message: () =>
      "This request would exceed your organization's rate limit of 450,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Reduce the prompt length or the maximum tokens requested, or try again later.",
  },
  quota: {
    status: 402,
    type: 'billing_error',
    message: () =>
      'Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.',
    shouldRetry: 'false',
  },
  server: {
    status: 500,
    type: 'api_error',
    message: () => 'Internal server error',
    shouldRetry: 'true',
  },
  overloaded: {
    status: 529,
    type: 'overloaded_error',
    message: () => 'Overloaded',
    shouldRetry: 'true',
    statusText: '',
  },
  unavailable: {
    status: 503,
    type: 'api_error',
    message: () => 'Service Unavailable',
    shouldRetry: 'true',
  },
  timeout: {
    status: 504,
    type: 'timeout_error',
    message: () => 'Request timeout',
    shouldRetry: 'true',
  },
};

/** Renders a scripted error kind with Anthropic's real status, body type, message and headers. */
export function scriptedErrorAnswer(error: ScriptedError, model: string): AnthropicErrorAnswer {
  const spec = kinds[error.kind];
  const headers: Record<string, string> = {};
  if (error.kind === 'rate_limit') {
    // Recorded: with `retry-after` the API says `x-should-retry: true`; without it, `false`.
    Object.assign(
      headers,
      rateLimitHeaders({ inputTokensRemaining: 0, resetInSeconds: error.retryAfter ?? 60 }),
    );
    if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
    headers['x-should-retry'] = error.retryAfter === undefined ? 'false' : 'true';
  } else {
    if (spec.shouldRetry) headers['x-should-retry'] = spec.shouldRetry;
    if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter);
  }
  const answer: AnthropicErrorAnswer = {
    status: spec.status,
    type: spec.type,
    message: error.message ?? spec.message(model),
    headers,
    includeRequestId: error.kind !== 'overloaded',
  };
  if (spec.statusText !== undefined) answer.statusText = spec.statusText;
  return answer;
}

/** A 400 `invalid_request_error` answer (request validation). */
export function invalidRequest(message: string): AnthropicErrorAnswer {
  return {
    status: 400,
    type: 'invalid_request_error',
    message,
    headers: { 'x-should-retry': 'false' },
    includeRequestId: true,
  };
}

/** Writes an error answer: `{type:"error", error:{type,message}, request_id}` plus headers. */
export function sendError(response: ServerResponse, answer: AnthropicErrorAnswer): void {
  const id = requestId();
  const body: Record<string, unknown> = {
    type: 'error',
    error: { type: answer.type, message: answer.message },
  };
  if (answer.includeRequestId) body.request_id = id;
  sendJSON(
    response,
    answer.status,
    body,
    { ...answer.headers, 'request-id': id },
    answer.statusText,
  );
}

/** The in-stream error kinds as `event: error` payloads (the recorded one carries `details: null`). */
export function streamErrorPayload(kind: 'overloaded' | 'server' | 'quota'): unknown {
  const spec = kinds[kind];
  return { type: 'error', error: { details: null, type: spec.type, message: spec.message('') } };
}
