import type { VendorErrorInfo } from '../../adapter/definition.js';
import { APIError, APIErrorType, errorTypeFromStatus, parseDuration } from '../../errors/index.js';
import type { GeminiErrorBody } from './wire.js';

type Detail = { '@type'?: string; [key: string]: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True when `value` is a `google.rpc.Status` error body. */
export function isGeminiErrorBody(value: unknown): value is GeminiErrorBody {
  return isObject(value) && isObject(value.error);
}

const detailOf = (details: Detail[], type: string): Detail | undefined =>
  details.find((detail) => detail['@type'] === `type.googleapis.com/google.rpc.${type}`);

/**
 * A daily or free-tier quota is spent (waiting a minute will not help), judged from the
 * `QuotaFailure` quota ids or the message.
 */
function isQuotaExhausted(details: Detail[], message: string): boolean {
  const failure = detailOf(details, 'QuotaFailure');
  const violations = Array.isArray(failure?.violations) ? failure.violations : [];
  const ids = violations
    .filter(isObject)
    .map((violation) => `${String(violation.quotaId ?? '')} ${String(violation.quotaMetric ?? '')}`)
    .join(' ');
  return /PerDay|FreeTier|free_tier/i.test(ids) || /per day|daily|free[ -]tier/i.test(message);
}

/**
 * Reads Gemini's error body (`{error:{code,message,status,details}}`): 400 with
 * `ErrorInfo.reason` API_KEY_INVALID → auth_failed; 429 → rate_limit with `RetryInfo.retryDelay`
 * as `retryAfter`, or quota_exceeded when a daily/free-tier quota is spent and no retry hint is
 * given.
 */
export function parseGeminiError(body: unknown, status: number): VendorErrorInfo {
  if (!isGeminiErrorBody(body)) {
    const text = typeof body === 'string' ? body.trim().slice(0, 500) : '';
    return { message: text || `Gemini API error (HTTP ${status})` };
  }
  const error = body.error;
  const message = error.message || `Gemini API error (HTTP ${status})`;
  const details: Detail[] = Array.isArray(error.details) ? error.details.filter(isObject) : [];
  const reason = detailOf(details, 'ErrorInfo')?.reason;
  const info: VendorErrorInfo = { message };
  const code = typeof reason === 'string' ? reason : error.status;
  if (code !== undefined) info.code = code;
  if (reason === 'API_KEY_INVALID' || error.status === 'UNAUTHENTICATED') {
    info.type = APIErrorType.AUTH_FAILED;
  }
  const retryAfter = parseDuration(detailOf(details, 'RetryInfo')?.retryDelay);
  if (retryAfter !== undefined) info.retryAfter = retryAfter;
  if ((status === 429 || error.status === 'RESOURCE_EXHAUSTED') && retryAfter === undefined) {
    if (isQuotaExhausted(details, message)) info.type = APIErrorType.QUOTA_EXCEEDED;
  }
  return info;
}

/** The typed error for an error object that arrived inside a 200 stream. */
export function streamError(body: GeminiErrorBody, provider: string): APIError {
  const status = typeof body.error.code === 'number' ? body.error.code : 500;
  const info = parseGeminiError(body, status);
  return new APIError(info.message, {
    type: info.type ?? errorTypeFromStatus(status),
    provider,
    status,
    ...(info.code !== undefined ? { code: info.code } : {}),
    ...(info.retryAfter !== undefined ? { retryAfter: info.retryAfter } : {}),
  });
}
