/** Error types the gateway itself answers with (the core's `APIErrorType` names where they fit). */
export type GatewayErrorType =
  | 'invalid_request'
  | 'auth_failed'
  | 'forbidden_origin'
  | 'ssrf_blocked'
  | 'redirect_blocked'
  | 'certificate_pin_mismatch'
  | 'rate_limit'
  | 'payload_too_large'
  | 'not_found'
  | 'timeout'
  | 'network_error'
  | 'server_error'
  | 'aborted';

/** A failure the gateway reports to the client with `status` and an OpenAI-shaped error body. */
export class ProxyError extends Error {
  readonly status: number;
  readonly type: GatewayErrorType;
  constructor(status: number, type: GatewayErrorType, message: string) {
    super(message);
    this.name = 'ProxyError';
    this.status = status;
    this.type = type;
  }

  /** `{ error: { message, type, code } }`, the shape every OpenAI client reads. */
  toBody(): string {
    return JSON.stringify({ error: { message: this.message, type: this.type, code: this.type } });
  }
}

/** The error type of an upstream status, as the core maps it. `undefined` below 400. */
export function errorTypeForStatus(status: number): string | undefined {
  if (status < 400) return undefined;
  if (status === 401 || status === 403) return 'auth_failed';
  if (status === 402) return 'quota_exceeded';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 429) return 'rate_limit';
  if (status >= 500) return 'server_error';
  return 'invalid_request';
}
