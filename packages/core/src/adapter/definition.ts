import type { APIErrorType } from '../errors/index.js';
import type { SSEEvent } from '../http/index.js';
import type {
  ChatChunk,
  ChatRequest,
  ChatResponse,
  Model,
  ProviderCapabilities,
  ProviderConfig,
  ProviderType,
} from '../spec/index.js';

/** The HTTP request an adapter wants sent for a chat call. */
export interface WireRequest {
  /** Path appended to the base URL, with query string if any (e.g. `/chat/completions`). */
  path: string;
  /** JSON body. */
  body: unknown;
  /** Extra headers for this request. */
  headers?: Record<string, string>;
}

/** What the engine tells the adapter's mapping functions about the call in progress. */
export interface CallContext<C extends ProviderConfig = ProviderConfig> {
  /** The resolved configuration (defaults applied). */
  config: C;
  /** Registry id of the provider instance (e.g. `openai`, or a custom name). */
  providerName: string;
  /** The request being served. */
  request: ChatRequest;
  /** Response headers of the vendor's answer (empty until the response arrives). */
  responseHeaders: Headers;
}

/** An error as the vendor described it, read from its error body. */
export interface VendorErrorInfo {
  message: string;
  /** The vendor's own code, e.g. `invalid_api_key`, `overloaded_error`, `API_KEY_INVALID`. */
  code?: string;
  /** Overrides the type derived from the HTTP status (e.g. Gemini's 400 API_KEY_INVALID → auth_failed). */
  type?: APIErrorType;
  /** Overrides the default retry advice. */
  retryable?: boolean;
  /** Seconds to wait, from the body (Gemini `RetryInfo.retryDelay`). Headers are read by the engine. */
  retryAfter?: number;
  requestId?: string;
}

/** The event types the stream transformer receives, by framing. */
export type StreamFraming = 'sse' | 'ndjson';

/**
 * Everything that makes one vendor's adapter: data and small pure functions. The engine
 * (`createAdapter`) does HTTP, abort, timeouts, error typing, usage and rate-limit bookkeeping,
 * model listing and tool execution once for every vendor.
 */
export interface ProviderDefinition<C extends ProviderConfig = ProviderConfig> {
  type: ProviderType;
  capabilities: ProviderCapabilities;
  /** Base URL used when the config has none. */
  defaultBaseUrl: string;
  /** Whether `apiKey` must be set (local providers need none). */
  requiresApiKey: boolean;
  /** Built-in catalog entries (models.ts). */
  catalog: readonly Model[];
  /** Authentication and fixed headers for every request (never put the key anywhere else). */
  headers(config: C): Record<string, string>;
  /** ChatRequest → wire request (request.ts). Throws `APIError` (invalid_request) on input the vendor cannot take. */
  buildChatRequest(request: ChatRequest, context: CallContext<C>, stream: boolean): WireRequest;
  /** Wire response body → ChatResponse (response.ts). */
  parseChatResponse(body: unknown, context: CallContext<C>): ChatResponse;
  /** Stream framing of the vendor. */
  streamFraming: StreamFraming;
  /**
   * Wire events → ChatChunks (stream.ts): a `Transformer` the engine runs inside its one
   * pull-driven stream (no chunk is lost, no extra stream stage). Receives `SSEEvent`s for `sse` framing and parsed JSON values for
   * `ndjson`. An in-stream vendor error calls `controller.error(apiError)`: the consumer gets every
   * chunk enqueued before it, then the error. `flush` is skipped when the connection dropped. The
   * last chunk carries `usage` and a `finishReason`.
   */
  createStreamTransformer(context: CallContext<C>): Transformer<SSEEvent | unknown, ChatChunk>;
  /** Reads the vendor's error body (errors.ts); `body` is parsed JSON when it was JSON, else text. */
  parseError(body: unknown, status: number, headers: Headers): VendorErrorInfo;
  /** Model listing (models.ts): path and body → models (merged with the catalog by the engine). */
  models: {
    /** Path of the list endpoint (e.g. `/models`, `/api/tags`), or a function of the config; '' for none. */
    path: string | ((config: C) => string);
    parse(body: unknown, providerName: string): Model[];
  };
}
