import type { VendorErrorInfo } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { WireErrorBody } from './wire.js';

/** Vendor codes whose meaning is sharper than the HTTP status. */
const typeByCode: Record<string, APIErrorType> = {
  insufficient_quota: APIErrorType.QUOTA_EXCEEDED,
  invalid_api_key: APIErrorType.AUTH_FAILED,
  model_not_found: APIErrorType.INVALID_REQUEST,
  context_length_exceeded: APIErrorType.INVALID_REQUEST,
  rate_limit_exceeded: APIErrorType.RATE_LIMIT,
};

/** Error `type`s, for in-stream errors that come without a status. */
const typeByKind: Record<string, APIErrorType> = {
  insufficient_quota: APIErrorType.QUOTA_EXCEEDED,
  invalid_request_error: APIErrorType.INVALID_REQUEST,
  authentication_error: APIErrorType.AUTH_FAILED,
  tokens: APIErrorType.RATE_LIMIT,
  requests: APIErrorType.RATE_LIMIT,
  server_error: APIErrorType.SERVER_ERROR,
};

/**
 * OpenAI echoes the rejected key ("Incorrect API key provided: sk-abc***wxyz."); the message
 * keeps the sentence and drops the key, whatever its shape.
 */
const withoutKey = (message: string) =>
  message.replace(
    /Incorrect API key provided: \S+?(\.(\s|$)|\s|$)/,
    'Incorrect API key provided.$2',
  );

/** "Please try again in 6ms" / "in 1.5s" / "in 20s" in a 429 message, as seconds. */
function retryHint(message: string): number | undefined {
  const match = /try again in (\d+(?:\.\d+)?)(ms|s)\b/i.exec(message);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return match[2] === 'ms' ? amount / 1000 : amount;
}

/**
 * Reads an OpenAI(-compatible) error body: `{error:{message,type,param,code}}`, LM Studio's
 * `{error:"…"}`, a bare `{message,type,code}`, or text.
 */
export function parseOpenAIError(
  body: unknown,
  status: number,
  _headers?: Headers,
): VendorErrorInfo {
  if (typeof body === 'string') {
    return { message: body.trim().slice(0, 500) || `HTTP ${status}` };
  }
  const record = (typeof body === 'object' && body !== null ? body : {}) as WireErrorBody;
  const error =
    typeof record.error === 'object' && record.error !== null ? record.error : undefined;
  const rawMessage =
    (typeof record.error === 'string' ? record.error : error?.message) ??
    record.message ??
    `HTTP ${status}`;
  const message = withoutKey(rawMessage);
  const code = error?.code ?? record.code ?? error?.type ?? record.type ?? undefined;
  const kind = error?.type ?? record.type ?? undefined;
  const info: VendorErrorInfo = { message };
  if (code) info.code = code;
  const type =
    (code ? typeByCode[code] : undefined) ??
    (kind === 'insufficient_quota' ? typeByCode[kind] : undefined);
  if (type) info.type = type;
  if (type === APIErrorType.QUOTA_EXCEEDED) info.retryable = false;
  if (status === 429 && type !== APIErrorType.QUOTA_EXCEEDED) {
    const hint = retryHint(message);
    if (hint !== undefined) info.retryAfter = hint;
  }
  return info;
}

/**
 * The typed error for OpenAI's in-stream `data: {"error":{…}}` (HTTP status was 200): the type
 * comes from the code or the error `type`, else `server_error`.
 */
export function streamError(error: unknown, provider: string): APIError {
  const info = parseOpenAIError({ error }, 0);
  const kind =
    typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
  const type =
    info.type ??
    (typeof kind === 'string' ? typeByKind[kind] : undefined) ??
    APIErrorType.SERVER_ERROR;
  return new APIError(info.message, {
    type,
    provider,
    ...(info.code === undefined ? {} : { code: info.code }),
    ...(info.retryable === undefined ? {} : { retryable: info.retryable }),
  });
}
