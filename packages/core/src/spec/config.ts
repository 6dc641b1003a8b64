/** Every provider kind ThinkBackCode ships an adapter for. */
export type ProviderType =
  | 'openai'
  | 'anthropic'
  | 'google'
  | 'ollama'
  | 'lmstudio'
  | 'custom'
  | 'thinkbackcode';

/** A `fetch` implementation (the global one by default; injectable for tests and edge runtimes). */
export type FetchFunction = (
  input: string | URL | Request,
  init?: RequestInit,
) => Promise<Response>;

/** Settings every provider config shares. */
export interface BaseProviderConfig {
  /** Id to register under; defaults to `provider` (or `name` for custom providers). */
  id?: string;
  /** API key or token. Never logged, never put in an error. */
  apiKey?: string;
  /** Base URL of the API, without a trailing slash, e.g. `https://api.openai.com/v1`. */
  baseUrl?: string;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Model used when a request names none. */
  defaultModel?: string;
  /** Per-request timeout in milliseconds (default 600,000). */
  timeoutMs?: number;
  /** A `fetch` to use instead of the global one. */
  fetch?: FetchFunction;
}

/** OpenAI Chat Completions. */
export interface OpenAIConfig extends BaseProviderConfig {
  provider: 'openai';
  apiKey: string;
  /** Sent as `OpenAI-Organization`. */
  organization?: string;
  /** Sent as `OpenAI-Project`. */
  project?: string;
}

/** Anthropic Messages API. */
export interface AnthropicConfig extends BaseProviderConfig {
  provider: 'anthropic';
  apiKey: string;
  /** `anthropic-version` header (default `2023-06-01`). */
  anthropicVersion?: string;
  /** `anthropic-beta` flags. */
  betas?: string[];
  /** Send `anthropic-dangerous-direct-browser-access: true` so browsers may call the API directly. */
  allowBrowserAccess?: boolean;
}

/** Google Gemini API (Generative Language). */
export interface GoogleConfig extends BaseProviderConfig {
  provider: 'google';
  apiKey: string;
  /** API version path segment (default `v1beta`). */
  apiVersion?: string;
}

/** Ollama (native API) or LM Studio (OpenAI-compatible API) on the user's machine. */
export interface LocalConfig extends BaseProviderConfig {
  provider: 'ollama' | 'lmstudio';
  /** Context window to ask for (Ollama `options.num_ctx`). */
  numCtx?: number;
  /** How long Ollama keeps the model loaded, e.g. `5m`. */
  keepAlive?: string;
}

/** Declarative mapping for `requestFormat: 'custom'` endpoints (see the core README). */
export interface CustomMapping {
  /** Path appended to `baseUrl` for chat (default `/chat`). */
  chatPath?: string;
  /** Path for streaming chat (default `chatPath`). */
  streamPath?: string;
  /**
   * Request body template. String values that are exactly a placeholder are replaced by the
   * value (keeping its type): `{{model}}`, `{{messages}}` (OpenAI-shaped), `{{prompt}}` (last user
   * text), `{{system}}`, `{{temperature}}`, `{{topP}}`, `{{maxTokens}}`, `{{stop}}` (array),
   * `{{tools}}` (OpenAI-shaped), `{{stream}}`. Placeholders inside longer strings are interpolated
   * as text. Keys (and array items) whose value is undefined are dropped. An unknown placeholder is
   * a configuration error.
   */
  requestTemplate: unknown;
  /** JSON paths (dot paths, `[n]` indexes) into the non-streaming response. */
  response: {
    /** Path of the reply text (required). */
    text: string;
    /** Path of the response id (default: a random `custom-…` id). */
    id?: string;
    /** Path of the answering model (default: the requested model). */
    model?: string;
    /** Path of the vendor's finish value, mapped through `finishReasons`. */
    finishReason?: string;
    /**
     * Path to an array of OpenAI-shaped tool calls `{id?, function: {name, arguments}}`;
     * `arguments` may be a JSON string or an object. Missing ids get stable `call_…` ids.
     */
    toolCalls?: string;
    /** Path of the input token count. */
    promptTokens?: string;
    /** Path of the output token count. */
    completionTokens?: string;
  };
  /** Streaming; when absent the provider streams by emitting the full response as one chunk. */
  stream?: {
    /** Wire framing. */
    format: 'sse' | 'ndjson';
    /** Path of the text delta inside one event. */
    delta: string;
    /** A `data:` payload that ends the stream, e.g. `[DONE]`. */
    doneSentinel?: string;
    /** Path whose truthy value marks the last event. */
    done?: string;
    /** Path of the finish value in an event (the last one seen wins). */
    finishReason?: string;
    /**
     * Path of tool calls in an event: OpenAI-shaped, whole or as fragments that share an `index`
     * (arguments strings are concatenated). They are emitted complete when the stream ends.
     */
    toolCalls?: string;
    /** Path of the input token count in an event (the last one seen wins). */
    promptTokens?: string;
    /** Path of the output token count in an event (the last one seen wins). */
    completionTokens?: string;
    /**
     * Dot path of a request body field set to `true` for streaming and `false` otherwise
     * (default: none; use `{{stream}}` in the template instead).
     */
    streamField?: string;
  };
  /**
   * The vendor's finish values mapped to ours, e.g. `{ "max_tokens": "length" }`. Unmapped values
   * fall back to common names (`stop`, `end_turn`, `length`, `max_tokens`, `tool_calls`,
   * `tool_use`, `content_filter`, `safety`…), then `stop`; tool calls present give `tool_calls`.
   */
  finishReasons?: Record<string, 'stop' | 'length' | 'tool_calls' | 'content_filter'>;
  /** Path to the error message in an error body (default `error.message`, then `error`, then `message`). */
  errorMessage?: string;
}

/** Any endpoint: OpenAI- or Anthropic-compatible, or mapped declaratively. */
export interface CustomConfig extends BaseProviderConfig {
  provider: 'custom';
  /** Registry id and display name. */
  name: string;
  baseUrl: string;
  requestFormat: 'openai' | 'anthropic' | 'custom';
  /** Required when `requestFormat` is `custom`. */
  mapping?: CustomMapping;
  /** How the key is sent (default `Authorization: Bearer` for openai/custom, `x-api-key` for anthropic). */
  authHeader?: string;
  /** Models to list when the endpoint has no model list. */
  models?: string[];
}

/** ThinkBackCode's hosted gateway (OpenAI-compatible `/v1`). */
export interface ThinkBackCodeConfig extends BaseProviderConfig {
  provider: 'thinkbackcode';
  /** A gateway key, `tbc_…`. */
  apiKey: string;
}

/** The configuration of any provider; `provider` selects the adapter. */
export type ProviderConfig =
  | OpenAIConfig
  | AnthropicConfig
  | GoogleConfig
  | LocalConfig
  | CustomConfig
  | ThinkBackCodeConfig;
