import type { Message, ReasoningDetail, ToolCall } from './messages.js';
import type { Tool, ToolChoice } from './tools.js';

/** Reasoning (extended thinking) settings, mapped to each vendor's own knobs. */
export interface ReasoningOptions {
  /** OpenAI `reasoning_effort`; mapped to a budget for budget-based vendors. */
  effort?: 'minimal' | 'low' | 'medium' | 'high';
  /** Token budget for thinking (Anthropic `budget_tokens`, Gemini `thinkingBudget`). */
  budgetTokens?: number;
  /** Ask the vendor to return reasoning text or summaries where it can (default true when reasoning is set). */
  includeReasoning?: boolean;
}

/** A chat completion request in ThinkBackCode's vendor-neutral shape. */
export interface ChatRequest {
  /** Model id as the provider knows it, e.g. `gpt-4.1-mini`, `claude-haiku-4-5`. */
  model: string;
  messages: Message[];
  /** Sampling temperature, 0–2 (vendor ranges are clamped by the vendor). */
  temperature?: number;
  /** Nucleus sampling. */
  topP?: number;
  /** Maximum tokens to generate (including reasoning where the vendor counts it so). */
  maxTokens?: number;
  /** Stop sequences. */
  stop?: string[];
  tools?: Tool[];
  toolChoice?: ToolChoice;
  /** Allow several tool calls in one turn (default: vendor default, usually true). */
  parallelToolCalls?: boolean;
  reasoning?: ReasoningOptions;
  /** Ask for a JSON object reply. */
  responseFormat?: { type: 'text' } | { type: 'json_object' };
  /** End-user id for abuse monitoring (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
  /** Cancels the upstream request. */
  signal?: AbortSignal;
  /** Extra vendor fields merged into the wire body as-is (escape hatch). */
  extraBody?: Record<string, unknown>;
}

/** Why generation stopped. */
export type FinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter';

/** Token counts for one call. */
export interface TokenUsage {
  /** Every input token, including cache reads and cache writes. */
  promptTokens: number;
  /** Every output token, including reasoning tokens. */
  completionTokens: number;
  /** `promptTokens + completionTokens`. */
  totalTokens: number;
  /** Input tokens read from the prompt cache (part of `promptTokens`). */
  cachedTokens?: number;
  /** Input tokens written to the prompt cache (part of `promptTokens`). */
  cacheWriteTokens?: number;
  /** Reasoning tokens (part of `completionTokens`). */
  reasoningTokens?: number;
}

/** The assistant message of a non-streaming response. */
export interface ResponseMessage {
  role: 'assistant';
  /** Text reply; `null` when the turn only calls tools. */
  content: string | null;
  toolCalls?: ToolCall[];
  /** Reasoning text, joined. */
  reasoning?: string;
  /** Reasoning blocks with signatures for replay. */
  reasoningDetails?: ReasoningDetail[];
}

/** One choice of a response (vendors other than OpenAI always give one). */
export interface ChatChoice {
  index: number;
  message: ResponseMessage;
  finishReason: FinishReason;
}

/** A complete chat response. */
export interface ChatResponse {
  /** The vendor's response id (or a generated one when the vendor sends none). */
  id: string;
  /** The model that answered, as the vendor reports it. */
  model: string;
  choices: ChatChoice[];
  usage: TokenUsage;
}

/** A tool-call fragment inside a streamed delta. */
export interface ToolCallDelta {
  /** Position of the call in this turn; fragments with the same index belong together. */
  index: number;
  /** Present on the first fragment of a call. */
  id?: string;
  type?: 'function';
  function: {
    name?: string;
    /** A piece of the JSON arguments string; concatenate in order. */
    arguments?: string;
  };
  /** Vendor signature (Gemini `thoughtSignature`), on the fragment that carries it. */
  signature?: string;
  signatureSource?: string;
}

/** What one streamed chunk adds to a choice. */
export interface ChatDelta {
  role?: 'assistant';
  content?: string;
  reasoning?: string;
  /** Signature or redacted data closing a reasoning block (for replay). */
  reasoningDetail?: ReasoningDetail;
  toolCalls?: ToolCallDelta[];
}

/** One streamed chunk. */
export interface ChatChunk {
  id: string;
  model: string;
  choices: Array<{
    index: number;
    delta: ChatDelta;
    finishReason?: FinishReason;
  }>;
  /** Present on the final chunk (and only there). */
  usage?: TokenUsage;
}
