import type { ToolCall } from './messages.js';

/** A JSON Schema object (draft 2020-12 subset as the vendors accept it). */
export type JSONSchema = { [key: string]: unknown };

/** A function the model may call. */
export interface Tool {
  type: 'function';
  function: {
    /** Name the model uses; `^[a-zA-Z0-9_-]{1,64}$`. */
    name: string;
    description?: string;
    /** JSON Schema of the arguments object. */
    parameters: JSONSchema;
    /** OpenAI strict structured outputs. */
    strict?: boolean;
  };
  /** Cache breakpoint after this tool (Anthropic). */
  cacheControl?: import('./messages.js').CacheControl;
}

/** How the model chooses tools. */
export type ToolChoice =
  | 'auto'
  | 'none'
  | 'required'
  | { type: 'function'; function: { name: string } };

/** The outcome of running a tool call. */
export interface ToolResult {
  /** The id of the call this answers. */
  toolCallId: string;
  /** Tool name. */
  name: string;
  /** Result serialised for the model (JSON or text). */
  content: string;
  /** True when the handler threw, the arguments were invalid, or the tool is unknown. */
  isError: boolean;
}

/** Context given to a tool handler. */
export interface ToolHandlerContext {
  toolCall: ToolCall;
  /** Aborted when the caller cancels. */
  signal: AbortSignal | undefined;
}

/** Runs one tool; returns any JSON-serialisable value or a string. */
export type ToolHandler = (args: unknown, context: ToolHandlerContext) => unknown;

/** What `executeToolCall` needs: handlers by tool name and, for validation, the tool schemas. */
export interface ToolExecutionContext {
  /** Handlers keyed by tool name. */
  handlers: Record<string, ToolHandler>;
  /** Tool definitions; when a tool is listed, its arguments are validated against its schema. */
  tools?: Tool[];
  /** Cancels the running handler. */
  signal?: AbortSignal;
}
