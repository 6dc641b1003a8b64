/**
 * Ollama's native `/api/*` wire types (docs/api.md, api/types.go). Lenient: every field a
 * response may leave out is optional, and counts Go omits when zero are optional.
 */

/** A tool call: arguments are a JSON object (not a string) and there is no call id. */
export interface OllamaToolCall {
  function: {
    name: string;
    /** An object on the wire; a string only from misbehaving servers, kept as-is. */
    arguments: Record<string, unknown> | string;
    index?: number;
  };
  id?: string;
}

/** One chat message. */
export interface OllamaMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** Reasoning text of a thinking model (answers with `think`). */
  thinking?: string;
  /** Base64 images (no `data:` prefix). */
  images?: string[];
  tool_calls?: OllamaToolCall[];
  /** For role `tool`: the name of the tool whose result this is. */
  tool_name?: string;
}

/** A tool definition, OpenAI-shaped. */
export interface OllamaTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

/** Model options (`options`), the subset ThinkBackCode sets. */
export interface OllamaOptions {
  num_ctx?: number;
  temperature?: number;
  top_p?: number;
  /** Maximum tokens to generate. */
  num_predict?: number;
  stop?: string[];
}

/** `POST /api/chat` body. */
export interface OllamaChatRequest {
  model: string;
  messages: OllamaMessage[];
  /** Ollama streams unless this is `false`. */
  stream: boolean;
  tools?: OllamaTool[];
  options?: OllamaOptions;
  /** How long the model stays loaded, e.g. `5m`. */
  keep_alive?: string;
  think?: boolean;
  /** `json` for a JSON reply. */
  format?: 'json';
}

/** One `/api/chat` answer object: the whole answer (`stream: false`) or one NDJSON line. */
export interface OllamaChatResponse {
  model?: string;
  /** RFC 3339 time, e.g. `2025-03-27T20:15:12.823627546Z`. */
  created_at?: string;
  message?: Partial<OllamaMessage>;
  done?: boolean;
  /** `stop`, `length`, `load`, `unload`. */
  done_reason?: string;
  total_duration?: number;
  load_duration?: number;
  /** Input tokens evaluated. */
  prompt_eval_count?: number;
  prompt_eval_duration?: number;
  /** Output tokens generated (thinking included). */
  eval_count?: number;
  eval_duration?: number;
  /** A mid-stream failure arrives as a line with only this field, status 200. */
  error?: string;
}

/** `GET /api/tags` body. */
export interface OllamaTagsResponse {
  models?: Array<{
    name?: string;
    model?: string;
    modified_at?: string;
    size?: number;
    details?: {
      family?: string;
      families?: string[] | null;
      parameter_size?: string;
      quantization_level?: string;
    };
  }>;
}

/** An error body: `{"error": "..."}`. */
export interface OllamaErrorBody {
  error?: string | { message?: string };
}
