import {
  APIError,
  APIErrorType,
  errorTypeFromStatus,
  parseRetryAfter,
  redactSecrets,
} from '../errors/index.js';
import type { FetchFunction } from '../spec/index.js';
import type { VendorErrorInfo } from './definition.js';

/** What `sendRequest` needs. */
export interface SendOptions {
  fetch: FetchFunction;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: unknown;
  /** Caller's signal(s); any aborts the request. */
  signals: Array<AbortSignal | undefined>;
  timeoutMs: number;
  providerName: string;
  /** Secrets to scrub from any message (the key). */
  secrets: readonly string[];
  parseError(body: unknown, status: number, headers: Headers): VendorErrorInfo;
}

/** A response plus the controller that cancels its body. */
export interface SentResponse {
  response: Response;
  /** The request's own signal (aborted by the caller, the timeout or `abort`). */
  signal: AbortSignal;
  /** Releases the timer and listeners after the body was read to the end. */
  finish(): void;
  /** Aborts the upstream request (used when the consumer stops reading a stream). */
  abort(): void;
}

/** Combines signals without `AbortSignal.any` (missing in some runtimes): the first abort wins. */
function linkSignals(
  controller: AbortController,
  signals: Array<AbortSignal | undefined>,
): () => void {
  const cleanups: Array<() => void> = [];
  for (const signal of signals) {
    if (signal === undefined) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', onAbort));
  }
  return () => {
    for (const cleanup of cleanups) cleanup();
  };
}

const timeoutReason = Symbol('timeout');

/** Turns a thrown fetch/stream failure into an `APIError` (abort, timeout or network). */
export function toTransportError(
  error: unknown,
  providerName: string,
  signal: AbortSignal,
  secrets: readonly string[],
): APIError {
  if (APIError.isInstance(error)) return error;
  if (signal.aborted) {
    if (signal.reason === timeoutReason) {
      return new APIError('The request to the provider timed out', {
        type: APIErrorType.TIMEOUT,
        provider: providerName,
      });
    }
    return new APIError('The request was aborted', {
      type: APIErrorType.ABORTED,
      provider: providerName,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new APIError(redactSecrets(`Network error talking to the provider: ${detail}`, secrets), {
    type: APIErrorType.NETWORK_ERROR,
    provider: providerName,
    cause: error instanceof Error ? new Error(redactSecrets(detail, secrets)) : undefined,
  });
}

/** Reads an error response and builds the typed error, using the adapter's body reader. */
export async function errorFromResponse(
  response: Response,
  options: SendOptions,
): Promise<APIError> {
  const text = await response.text().catch(() => '');
  let body: unknown = text;
  try {
    body = text === '' ? text : JSON.parse(text);
  } catch {
    // Not JSON: the adapter gets the text.
  }
  let info: VendorErrorInfo;
  try {
    info = options.parseError(body, response.status, response.headers);
  } catch {
    info = { message: text.slice(0, 500) };
  }
  const headers = response.headers;
  const shouldRetry = headers.get('x-should-retry');
  const requestId =
    info.requestId ?? headers.get('x-request-id') ?? headers.get('request-id') ?? undefined;
  const retryAfter = parseRetryAfter(headers) ?? info.retryAfter;
  const message = redactSecrets(info.message || `HTTP ${response.status}`, options.secrets);
  return new APIError(message, {
    type: info.type ?? errorTypeFromStatus(response.status),
    provider: options.providerName,
    status: response.status,
    ...(info.retryable !== undefined
      ? { retryable: info.retryable }
      : shouldRetry === 'true' || shouldRetry === 'false'
        ? { retryable: shouldRetry === 'true' }
        : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(info.code !== undefined ? { code: info.code } : {}),
  });
}

/**
 * Sends one request with abort, timeout and typed errors. Resolves with an OK response whose
 * body is unread; any non-2xx status is thrown as an `APIError`.
 */
export async function sendRequest(options: SendOptions): Promise<SentResponse> {
  const controller = new AbortController();
  const unlink = linkSignals(controller, options.signals);
  const timer = setTimeout(() => controller.abort(timeoutReason), options.timeoutMs);
  const init: RequestInit = {
    method: options.method,
    headers: options.headers,
    signal: controller.signal,
  };
  if (options.body !== undefined) init.body = JSON.stringify(options.body);
  let response: Response;
  try {
    response = await options.fetch(options.url, init);
  } catch (error) {
    clearTimeout(timer);
    unlink();
    throw toTransportError(error, options.providerName, controller.signal, options.secrets);
  }
  if (!response.ok) {
    try {
      throw await errorFromResponse(response, options);
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }
  // The timeout covers the whole exchange, including reading the body.
  let done = false;
  const release = () => {
    if (done) return false;
    done = true;
    clearTimeout(timer);
    unlink();
    return true;
  };
  return {
    response,
    signal: controller.signal,
    finish: () => {
      release();
    },
    abort: () => {
      if (release()) controller.abort();
    },
  };
}
