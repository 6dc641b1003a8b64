import { APIErrorType } from './api-error.js';

/**
 * Maps an HTTP status to an error type. Vendor bodies refine it (see each adapter's `errors.ts`):
 *
 * | status | type |
 * | --- | --- |
 * | 400, 404, 409, 413, 415, 422 | invalid_request |
 * | 401, 403 | auth_failed |
 * | 402 | quota_exceeded |
 * | 408, 504 | timeout |
 * | 429 | rate_limit (quota_exceeded when the body says the quota or billing is exhausted) |
 * | 500, 502, 503, 529 and other 5xx | server_error |
 */
export function errorTypeFromStatus(status: number): APIErrorType {
  if (status === 401 || status === 403) return APIErrorType.AUTH_FAILED;
  if (status === 402) return APIErrorType.QUOTA_EXCEEDED;
  if (status === 408 || status === 504) return APIErrorType.TIMEOUT;
  if (status === 429) return APIErrorType.RATE_LIMIT;
  if (status >= 500) return APIErrorType.SERVER_ERROR;
  return APIErrorType.INVALID_REQUEST;
}

/** Statuses worth retrying (408, 409, 429, 5xx), as the vendors' own SDKs do. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}
