import type { ChatChunk, ChatRequest, ChatResponse } from './chat.js';
import type { ProviderConfig, ProviderType } from './config.js';
import type { ToolCall } from './messages.js';
import type { Model, RateLimitInfo, UsageStats } from './models.js';
import type { ToolExecutionContext, ToolResult } from './tools.js';

/** What a provider kind supports at all (individual models may support less). */
export interface ProviderCapabilities {
  streaming: boolean;
  tools: boolean;
  images: boolean;
  reasoning: boolean;
  promptCaching: boolean;
  /** The vendor has a model-list endpoint. */
  modelListing: boolean;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the upstream request. */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: Record<string, string>;
}

/** One LLM provider instance, created and authenticated by the `ProviderRegistry`. */
export interface AIProvider {
  /** Registry id (e.g. `openai`, or a custom provider's name). */
  readonly name: string;
  readonly type: ProviderType;
  readonly capabilities: ProviderCapabilities;
  /** Applies a configuration (key, base URL, headers). Throws `APIError` on invalid config. */
  authenticate(config: ProviderConfig): Promise<void>;
  /** Asks the vendor whether the key works: true, false on an auth failure, throws on other errors. */
  validateCredentials(options?: RequestOptions): Promise<boolean>;
  /** The vendor's model list merged with the built-in catalog. */
  listModels(options?: RequestOptions): Promise<Model[]>;
  /** A model from the catalog (offline), or from the last `listModels`; `null` when unknown. */
  getModel(modelId: string): Promise<Model | null>;
  createChatCompletion(request: ChatRequest, options?: RequestOptions): Promise<ChatResponse>;
  /** Streams chunks; errors before the first chunk are thrown from the first `next()`. */
  createChatCompletionStream(
    request: ChatRequest,
    options?: RequestOptions,
  ): AsyncIterable<ChatChunk>;
  /** Runs a tool call with a handler from `context`; failures come back as error results. */
  executeToolCall(toolCall: ToolCall, context: ToolExecutionContext): Promise<ToolResult>;
  getUsage(): Promise<UsageStats>;
  getRateLimit(): Promise<RateLimitInfo>;
  /** Releases resources (aborts in-flight calls). */
  disconnect?(): Promise<void>;
}
