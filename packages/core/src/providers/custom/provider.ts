import { createAdapter } from '../../adapter/create-adapter.js';
import type { ProviderDefinition } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  AIProvider,
  ChatChunk,
  ChatRequest,
  ChatResponse,
  CustomConfig,
  Model,
  ProviderCapabilities,
  ProviderConfig,
  RateLimitInfo,
  RequestOptions,
  ToolCall,
  ToolExecutionContext,
  ToolResult,
  UsageStats,
} from '../../spec/index.js';
import { compileMapping } from './mapping.js';
import { responseToChunk } from './response.js';

/**
 * The engine's adapter plus what a declarative endpoint needs on top: the mapping is validated
 * at `authenticate` time (a bad one fails there, naming the field), models come from
 * `config.models`, and endpoints without a streaming mapping stream their whole answer as one
 * chunk (whatever its JSON layout).
 */
export class CustomProvider implements AIProvider {
  readonly type = 'custom' as const;
  private readonly inner: AIProvider;
  private config: CustomConfig;

  constructor(
    private readonly binding: {
      definition: ProviderDefinition<CustomConfig>;
      use(config: CustomConfig): void;
    },
    config: CustomConfig,
  ) {
    this.config = config;
    this.inner = createAdapter(binding.definition, config);
  }

  get name(): string {
    return this.inner.name;
  }

  get capabilities(): ProviderCapabilities {
    return this.binding.definition.capabilities;
  }

  async authenticate(config: ProviderConfig): Promise<void> {
    if (config.provider !== 'custom') {
      throw new APIError(`A "${config.provider}" config cannot configure a custom provider`, {
        type: APIErrorType.INVALID_REQUEST,
        provider: this.name,
        code: 'invalid_config',
      });
    }
    compileMapping(config);
    await this.inner.authenticate(config);
    this.binding.use(config);
    this.config = config;
  }

  /** There is no list route to ask, so a configured endpoint counts as valid until a call fails. */
  validateCredentials(options?: RequestOptions): Promise<boolean> {
    return this.inner.validateCredentials(options);
  }

  /** The configured `models` (the engine lists the catalog of a provider without a list route). */
  listModels(options?: RequestOptions): Promise<Model[]> {
    return this.inner.listModels(options);
  }

  getModel(modelId: string): Promise<Model | null> {
    return this.inner.getModel(modelId);
  }

  createChatCompletion(request: ChatRequest, options?: RequestOptions): Promise<ChatResponse> {
    return this.inner.createChatCompletion(request, options);
  }

  createChatCompletionStream(
    request: ChatRequest,
    options?: RequestOptions,
  ): AsyncIterable<ChatChunk> {
    if (compileMapping(this.config).stream !== undefined) {
      return this.inner.createChatCompletionStream(request, options);
    }
    const inner = this.inner;
    return {
      async *[Symbol.asyncIterator]() {
        yield responseToChunk(await inner.createChatCompletion(request, options));
      },
    };
  }

  executeToolCall(toolCall: ToolCall, context: ToolExecutionContext): Promise<ToolResult> {
    return this.inner.executeToolCall(toolCall, context);
  }

  getUsage(): Promise<UsageStats> {
    return this.inner.getUsage();
  }

  getRateLimit(): Promise<RateLimitInfo> {
    return this.inner.getRateLimit();
  }

  async disconnect(): Promise<void> {
    await this.inner.disconnect?.();
  }
}
