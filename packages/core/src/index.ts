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
