import type { VendorErrorInfo } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { OllamaErrorBody } from './wire.js';

/** ollama.com's usage-limit answers (429) mean a spent quota, not a short rate limit. */
const quotaText = /usage limit|quota|upgrade to continue|subscription/i;
/** Option type errors come back as 500 (handleScheduleError's default) but are the caller's fault. */
const optionText = /^option "[^"]+" must be of type/;

function messageOf(body: unknown, status: number): string {
  if (typeof body === 'string') return body.trim() || `HTTP ${status}`;
  if (typeof body === 'object' && body !== null) {
    const { error } = body as OllamaErrorBody;
    if (typeof error === 'string') return error;
    if (typeof error === 'object' && error !== null && typeof error.message === 'string') {
      return error.message;
    }
  }
  return `HTTP ${status}`;
}

/**
 * Reads Ollama's `{"error":"..."}` body (Gin's plain-text `404 page not found` for unknown
 * routes). The status decides the type except: a 429 about a usage limit is `quota_exceeded`,
 * a 500 about an option's type is `invalid_request`, a 404 for a model gets `model_not_found`.
 */
export function parseOllamaError(body: unknown, status: number): VendorErrorInfo {
  const message = messageOf(body, status);
  const info: VendorErrorInfo = { message };
  if (status === 429 && quotaText.test(message)) {
    info.type = APIErrorType.QUOTA_EXCEEDED;
    info.retryable = false;
  }
  if (status === 500 && optionText.test(message)) {
    info.type = APIErrorType.INVALID_REQUEST;
    info.retryable = false;
    info.code = 'invalid_option';
  }
  if (status === 404 && /^model .* not found/.test(message)) info.code = 'model_not_found';
  if (status === 503) info.code = 'server_busy';
  return info;
}

/**
 * The error of a `{"error":"..."}` line inside a 200 stream: the model failed while running,
 * so it is a retryable server error, or `quota_exceeded` for a cloud usage limit.
 */
export function errorFromStreamLine(message: string, provider: string): APIError {
  const quota = quotaText.test(message);
  return new APIError(message, {
    type: quota ? APIErrorType.QUOTA_EXCEEDED : APIErrorType.SERVER_ERROR,
    provider,
    status: 200,
    code: quota ? 'usage_limit' : 'stream_error',
  });
}
