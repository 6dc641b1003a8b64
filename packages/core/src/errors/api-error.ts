/** Failure classes of every provider call (the specification's `APIErrorType`). */
export enum APIErrorType {
  AUTH_FAILED = 'auth_failed',
  RATE_LIMIT = 'rate_limit',
  QUOTA_EXCEEDED = 'quota_exceeded',
  NETWORK_ERROR = 'network_error',
  INVALID_REQUEST = 'invalid_request',
  SERVER_ERROR = 'server_error',
  TIMEOUT = 'timeout',
  /** The caller aborted the call through its `AbortSignal`. */
  ABORTED = 'aborted',
}

const marker = Symbol.for('thinkbackcode.api-error');

/** Fields of an `APIError` besides its message. */
export interface APIErrorOptions {
  type: APIErrorType;
  /** Registry id or type of the provider that failed. */
  provider: string;
  /** HTTP status from the vendor, when there was a response. */
  status?: number;
  /** Whether retrying the same call may succeed. Defaults from `type`. */
  retryable?: boolean;
  /** Seconds to wait before retrying, when the vendor said. */
  retryAfter?: number;
  /** Vendor request id (`x-request-id`, `request-id`, body `request_id`). */
  requestId?: string;
  /** The vendor's own error code, e.g. `invalid_api_key`, `overloaded_error`, `API_KEY_INVALID`. */
  code?: string;
  cause?: unknown;
}

const retryableByDefault: Record<APIErrorType, boolean> = {
  [APIErrorType.AUTH_FAILED]: false,
  [APIErrorType.RATE_LIMIT]: true,
  [APIErrorType.QUOTA_EXCEEDED]: false,
  [APIErrorType.NETWORK_ERROR]: true,
  [APIErrorType.INVALID_REQUEST]: false,
  [APIErrorType.SERVER_ERROR]: true,
  [APIErrorType.TIMEOUT]: true,
  [APIErrorType.ABORTED]: false,
};

/**
 * The one error every provider call throws. Carries retry advice; never carries a key,
 * an Authorization header or a request body.
 */
export class APIError extends Error {
  /** Marks instances across duplicated copies of this package. */
  readonly [marker] = true;
  readonly type: APIErrorType;
  readonly provider: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly retryAfter: number | undefined;
  readonly requestId: string | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: APIErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'APIError';
    this.type = options.type;
    this.provider = options.provider;
    this.status = options.status;
    this.retryable = options.retryable ?? retryableByDefault[options.type];
    this.retryAfter = options.retryAfter;
    this.requestId = options.requestId;
    this.code = options.code;
  }

  /** True for an `APIError` from any copy of this package. */
  static isInstance(value: unknown): value is APIError {
    return typeof value === 'object' && value !== null && marker in value;
  }

  /** A plain object for logs and JSON error bodies. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      type: this.type,
      message: this.message,
      provider: this.provider,
      status: this.status,
      code: this.code,
      retryable: this.retryable,
      retryAfter: this.retryAfter,
      requestId: this.requestId,
    };
  }
}
