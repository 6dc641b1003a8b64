/** A tool call the simulated model makes. */
export interface ScriptedToolCall {
  /** Call id; simulators make vendor-shaped ids when absent (none for Gemini/Ollama, which send none). */
  id?: string;
  name: string;
  /** Arguments as an object, or a raw string (to simulate a model that emits invalid JSON). */
  arguments: Record<string, unknown> | string;
}

/** Token counts the simulated vendor reports. */
export interface ScriptedUsage {
  /** Uncached input tokens (Anthropic `input_tokens`; for OpenAI/Gemini the simulator adds cached to report the vendor's total). */
  inputTokens: number;
  /** Visible output tokens (reasoning excluded). */
  outputTokens: number;
  /** Input tokens read from cache. */
  cachedTokens?: number;
  /** Input tokens written to cache (Anthropic only). */
  cacheWriteTokens?: number;
  /** Reasoning tokens (OpenAI `reasoning_tokens`, Gemini `thoughtsTokenCount`; Anthropic counts them in output). */
  reasoningTokens?: number;
}

/** Failure classes a simulator can answer with, each rendered with the vendor's real status, body and headers. */
export type ScriptedErrorKind =
  | 'auth'
  | 'permission'
  | 'not_found'
  | 'invalid_request'
  | 'context_length'
  | 'rate_limit'
  | 'quota'
  | 'server'
  | 'overloaded'
  | 'unavailable'
  | 'timeout';

/** An HTTP error answer instead of a completion. */
export interface ScriptedError {
  kind: ScriptedErrorKind;
  /** Message in the body (a vendor-like default otherwise). */
  message?: string;
  /** Seconds, sent as `retry-after` (and Gemini `RetryInfo`). */
  retryAfter?: number;
}

/** One scripted model turn: what the next request to the simulator gets. */
export interface ScriptedTurn {
  /** The answer text. */
  text?: string;
  /** Reasoning (thinking) text, for vendors that expose it. */
  reasoning?: string;
  /** Anthropic thinking signature / Gemini thought signature (a fixed fake when absent). */
  signature?: string;
  toolCalls?: ScriptedToolCall[];
  /** Default: `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
  /** Default: derived from the text lengths. */
  usage?: ScriptedUsage;
  /** Answer with an HTTP error instead. */
  error?: ScriptedError;
  /** In a stream, after this many content events, send the vendor's in-stream error event and end. */
  streamError?: { afterEvents: number; kind: 'overloaded' | 'server' | 'quota' };
  /** In a stream, destroy the connection after this many events (no error event, no end). */
  dropAfterEvents?: number;
  /** Characters per streamed text delta (default 8). */
  chunkSize?: number;
  /** Delay before the response headers, in ms. */
  firstByteDelayMs?: number;
  /** Delay between streamed events, in ms. */
  chunkDelayMs?: number;
  /** Response id (vendor-shaped default otherwise). */
  id?: string;
  /** Model reported back (default: the requested model). */
  model?: string;
  /** Creation time, seconds since the epoch (fixed default so runs are reproducible). */
  created?: number;
}

/** Default fixed creation time of scripted responses (2026-01-01T00:00:00Z). */
export const DEFAULT_CREATED = 1_767_225_600;

/** Splits text into pieces of at most `size` characters (at least one piece, possibly empty). */
export function splitText(text: string, size = 8): string[] {
  if (text.length === 0) return [];
  const pieces: string[] = [];
  for (let index = 0; index < text.length; index += size)
    pieces.push(text.slice(index, index + size));
  return pieces;
}

/** Rough token estimate used when a turn sets no usage: one token per four characters, at least 1. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** The tool-call arguments as the JSON string a vendor sends. */
export function argumentsJSON(call: ScriptedToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}
