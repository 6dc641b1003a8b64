export { createAdapter } from './adapter/create-adapter.js';
export type {
  CallContext,
  ProviderDefinition,
  StreamFraming,
  VendorErrorInfo,
  WireRequest,
} from './adapter/definition.js';
export { randomId, stableToolCallId } from './adapter/ids.js';
export { createTokenUsage, EMPTY_USAGE, type UsageCounts } from './adapter/usage.js';
export { estimateCost, findCatalogModel, MODEL_CATALOG } from './catalog/model-catalog.js';
export { toAssistantMessage } from './conversation/assistant-message.js';
export {
  APIError,
  type APIErrorOptions,
  APIErrorType,
  errorTypeFromStatus,
  isRetryableStatus,
  parseDuration,
  parseRetryAfter,
  redactSecrets,
} from './errors/index.js';
export {
  createNDJSONParser,
  createSSEParser,
  joinUrl,
  parseRateLimitHeaders,
  type SSEEvent,
} from './http/index.js';
export {
  ANTHROPIC_CATALOG,
  anthropicDefinition,
  createAnthropicProvider,
} from './providers/anthropic/index.js';
export { createCustomDefinition, createCustomProvider } from './providers/custom/index.js';
export {
  createGoogleProvider,
  GOOGLE_CATALOG,
  googleDefinition,
  toGeminiSchema,
} from './providers/google/index.js';
export { createLMStudioProvider, lmstudioDefinition } from './providers/lmstudio/index.js';
export { createOllamaProvider, ollamaDefinition } from './providers/ollama/index.js';
export { OLLAMA_CATALOG } from './providers/ollama/models.js';
export { createOpenAIProvider, openaiCatalog, openaiDefinition } from './providers/openai/index.js';
export {
  createCustomOpenAIDefinition,
  createCustomOpenAIProvider,
  createOpenAICompatibleDefinition,
} from './providers/openai-compatible/index.js';
export {
  createThinkBackCodeProvider,
  thinkbackcodeCatalog,
  thinkbackcodeDefinition,
} from './providers/thinkbackcode/index.js';
export {
  createDefaultRegistry,
  createProvider,
  DEFAULT_PROVIDER_FACTORIES,
} from './registry/default-registry.js';
export {
  type ProviderFactory,
  ProviderRegistry,
  providerId,
} from './registry/provider-registry.js';
export {
  DEFAULT_RETRY_CONFIG,
  type RetryConfig,
  type RetryEnvironment,
  RetryManager,
  type RetryOptions,
} from './retry/retry-manager.js';
export type * from './spec/index.js';
export { accumulateChatStream, ChatStreamAccumulator } from './stream/accumulate.js';
export { executeToolCall } from './tools/execute-tool-call.js';
export { runToolLoop, type ToolLoopOptions, type ToolLoopResult } from './tools/run-tool-loop.js';
export { validateAgainstSchema } from './tools/validate-schema.js';
