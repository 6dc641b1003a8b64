export { APIError, type APIErrorOptions, APIErrorType } from './api-error.js';
export { redactSecrets } from './redact-secrets.js';
export { parseDuration, parseRetryAfter } from './retry-after.js';
export { errorTypeFromStatus, isRetryableStatus } from './status.js';
