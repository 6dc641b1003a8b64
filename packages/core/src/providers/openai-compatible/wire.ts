/**
 * OpenAI Chat Completions wire types, as OpenAI and OpenAI-compatible servers (LM Studio, vLLM,
 * DeepSeek, OpenRouter, our gateway) send and accept them. Response types are lenient: every
 * field a compatible server might leave out is optional.
 */

/** A content part of a user message. */
export type WireContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };

/** A tool call inside an assistant message. */
export interface WireToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

/** One message of the request. */
export type WireMessage =
  | { role: 'system' | 'developer'; content: string; name?: string }
  | { role: 'user'; content: string | WireContentPart[]; name?: string }
  | { role: 'assistant'; content: string | null; name?: string; tool_calls?: WireToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

/** A function tool. */
export interface WireTool {
  type: 'function';
  function: { name: string; description?: string; parameters: unknown; strict?: boolean };
}

/** `tool_choice`. */
export type WireToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/** The request body of `POST /chat/completions`. */
export interface WireChatRequest {
  model: string;
  messages: WireMessage[];
  temperature?: number;
  top_p?: number;
  max_tokens?: number;
  max_completion_tokens?: number;
  stop?: string[];
  tools?: WireTool[];
  tool_choice?: WireToolChoice;
  parallel_tool_calls?: boolean;
  reasoning_effort?: string;
  response_format?: { type: 'text' } | { type: 'json_object' };
  user?: string;
  stream?: boolean;
  stream_options?: { include_usage: boolean };
  [extra: string]: unknown;
}

/** Token usage (`prompt_tokens` includes cached tokens, `completion_tokens` reasoning tokens). */
export interface WireUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  total_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
}

/** A tool call in a response; compatible servers sometimes omit the id or send object arguments. */
export interface WireResponseToolCall {
  id?: string | null;
  type?: string;
  function?: { name?: string | null; arguments?: unknown };
}

/** The assistant message of a non-streaming response. */
export interface WireResponseMessage {
  role?: string;
  content?: string | null;
  refusal?: string | null;
  /** LM Studio, vLLM, DeepSeek. */
  reasoning_content?: string | null;
  /** OpenRouter, some vLLM versions. */
  reasoning?: string | null;
  tool_calls?: WireResponseToolCall[] | null;
}

/** A non-streaming `chat.completion`. */
export interface WireChatCompletion {
  id?: string;
  model?: string;
  choices?: Array<{
    index?: number;
    message?: WireResponseMessage;
    finish_reason?: string | null;
  }>;
  usage?: WireUsage | null;
}

/** A tool-call fragment in a stream delta. */
export interface WireToolCallDelta {
  index?: number;
  id?: string | null;
  type?: string;
  function?: { name?: string | null; arguments?: unknown };
}

/** One `chat.completion.chunk`. */
export interface WireChatChunk {
  id?: string;
  model?: string;
  choices?: Array<{
    index?: number;
    delta?: Omit<WireResponseMessage, 'tool_calls'> & { tool_calls?: WireToolCallDelta[] | null };
    finish_reason?: string | null;
  }>;
  usage?: WireUsage | null;
  /** OpenAI ends a failing stream with `data: {"error":{…}}`. */
  error?: unknown;
}

/** The error body: `{error:{message,type,param,code}}`. */
export interface WireErrorBody {
  error?:
    | { message?: string; type?: string | null; param?: string | null; code?: string | null }
    | string;
  message?: string;
  type?: string;
  code?: string | null;
}

/** `GET /models`. */
export interface WireModelList {
  data?: Array<{ id?: string; owned_by?: string }>;
}
