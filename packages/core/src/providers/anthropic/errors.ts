import type { VendorErrorInfo } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { AnthropicErrorBody } from './wire.js';

/** Anthropic `error.type` → our type, where the body says more than the HTTP status. */
const typeByCode: Record<string, APIErrorType> = {
  authentication_error: APIErrorType.AUTH_FAILED,
  permission_error: APIErrorType.AUTH_FAILED,
  billing_error: APIErrorType.QUOTA_EXCEEDED,
  rate_limit_error: APIErrorType.RATE_LIMIT,
  invalid_request_error: APIErrorType.INVALID_REQUEST,
  not_found_error: APIErrorType.INVALID_REQUEST,
  request_too_large: APIErrorType.INVALID_REQUEST,
  timeout_error: APIErrorType.TIMEOUT,
  api_error: APIErrorType.SERVER_ERROR,
  overloaded_error: APIErrorType.SERVER_ERROR,
};

// Anthropic reports an empty prepaid balance as a 400 invalid_request_error (older accounts) or
// a 402 billing_error; both mean the quota is exhausted, not that the request was malformed.
const CREDIT_EXHAUSTED = /credit balance is too low/i;

function typeOf(code: string | undefined, message: string): APIErrorType | undefined {
  if (CREDIT_EXHAUSTED.test(message)) return APIErrorType.QUOTA_EXCEEDED;
  return code === undefined ? undefined : typeByCode[code];
}

/**
 * Reads Anthropic's error body `{type:"error", error:{type,message}, request_id}`. The engine
 * applies `retry-after` and `x-should-retry` from the headers.
 */
export function parseAnthropicError(
  body: unknown,
  status: number,
  headers: Headers,
): VendorErrorInfo {
  if (typeof body === 'string' || typeof body !== 'object' || body === null) {
    const text = typeof body === 'string' ? body.slice(0, 500) : '';
    return { message: text || `Anthropic answered HTTP ${status}` };
  }
  const { error, request_id: requestId } = body as AnthropicErrorBody;
  const code = typeof error?.type === 'string' ? error.type : undefined;
  const message =
    typeof error?.message === 'string' ? error.message : `Anthropic answered HTTP ${status}`;
  const info: VendorErrorInfo = { message };
  if (code !== undefined) info.code = code;
  const type = typeOf(code, message);
  if (type !== undefined) info.type = type;
  const id = typeof requestId === 'string' ? requestId : (headers.get('request-id') ?? undefined);
  if (id !== undefined) info.requestId = id;
  return info;
}

/**
 * The `APIError` for an in-stream `event: error` (HTTP status 200 already sent): overloaded and
 * api errors are retryable server errors.
 */
export function streamErrorToAPIError(
  error: { type?: string; message?: string } | undefined,
  provider: string,
  requestId: string | null,
): APIError {
  const code = typeof error?.type === 'string' ? error.type : undefined;
  const message = typeof error?.message === 'string' ? error.message : 'Anthropic stream error';
  return new APIError(message, {
    type: typeOf(code, message) ?? APIErrorType.SERVER_ERROR,
    provider,
    ...(code !== undefined ? { code } : {}),
    ...(requestId ? { requestId } : {}),
  });
}
