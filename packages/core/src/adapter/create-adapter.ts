import { APIError, APIErrorType } from '../errors/index.js';
import { joinUrl, parseRateLimitHeaders } from '../http/index.js';
import type {
  AIProvider,
  ChatChunk,
  ChatRequest,
  ChatResponse,
  FetchFunction,
  Model,
  ProviderConfig,
  RateLimitInfo,
  RequestOptions,
  ToolCall,
  ToolExecutionContext,
  ToolResult,
  UsageStats,
} from '../spec/index.js';
import { executeToolCall } from '../tools/execute-tool-call.js';
import type { CallContext, ProviderDefinition } from './definition.js';
import { createLosslessPipeline } from './lossless-pipeline.js';
import { mergeModels } from './merge-models.js';
import { resolveConfig } from './resolve-config.js';
import { type SendOptions, type SentResponse, sendRequest, toTransportError } from './send.js';
import { UsageTracker } from './usage-tracker.js';
import { validateChatRequest } from './validate-request.js';

const DEFAULT_TIMEOUT_MS = 600_000;

/** Turns a `ProviderDefinition` into an `AIProvider`: the one engine behind every adapter. */
class DefinedProvider<C extends ProviderConfig> implements AIProvider {
  readonly type: AIProvider['type'];
  readonly capabilities: AIProvider['capabilities'];
  private config: C;
  private readonly usage = new UsageTracker();
  private rateLimit: RateLimitInfo = {};
  private listedModels = new Map<string, Model>();
  private readonly inFlight = new Set<AbortController>();

  constructor(
    private readonly definition: ProviderDefinition<C>,
    config: C,
  ) {
    this.type = definition.type;
    this.capabilities = definition.capabilities;
    this.config = resolveConfig(definition, config);
  }

  get name(): string {
    return (
      this.config.id ??
      (this.config.provider === 'custom' ? this.config.name : this.definition.type)
    );
  }

  async authenticate(config: ProviderConfig): Promise<void> {
    this.config = resolveConfig(this.definition, config as C);
  }

  async validateCredentials(options?: RequestOptions): Promise<boolean> {
    try {
      await this.fetchModels(options);
      return true;
    } catch (error) {
      if (APIError.isInstance(error) && error.type === APIErrorType.AUTH_FAILED) return false;
      throw error;
    }
  }

  async listModels(options?: RequestOptions): Promise<Model[]> {
    const { path } = this.definition.models;
    const models =
      path === ''
        ? this.definition.catalog.map((model) => ({
            ...model,
            provider: this.name,
            inCatalog: true,
          }))
        : mergeModels(await this.fetchModels(options), this.definition.catalog, this.name);
    this.listedModels = new Map(models.map((model) => [model.id, model]));
    return models;
  }

  async getModel(modelId: string): Promise<Model | null> {
    const fromCatalog = this.definition.catalog.find((model) => model.id === modelId);
    if (fromCatalog) return { ...fromCatalog, provider: this.name, inCatalog: true };
    return this.listedModels.get(modelId) ?? null;
  }

  async createChatCompletion(
    request: ChatRequest,
    options?: RequestOptions,
  ): Promise<ChatResponse> {
    const started = Date.now();
    const context = this.callContext(request);
    let response: ChatResponse | undefined;
    const lifetime = this.track();
    try {
      const sent = await this.sendChat(request, context, false, options, lifetime.signal);
      let body: unknown;
      try {
        body = await sent.response.json();
      } catch (error) {
        throw toTransportError(error, this.name, sent.signal, this.secrets());
      } finally {
        sent.finish();
      }
      response = this.definition.parseChatResponse(body, context);
      return response;
    } finally {
      lifetime.done();
      this.usage.record(response !== undefined, Date.now() - started, response?.usage);
    }
  }

  createChatCompletionStream(
    request: ChatRequest,
    options?: RequestOptions,
  ): AsyncIterable<ChatChunk> {
    return { [Symbol.asyncIterator]: () => this.stream(request, options) };
  }

  private async *stream(request: ChatRequest, options?: RequestOptions): AsyncGenerator<ChatChunk> {
    const started = Date.now();
    const context = this.callContext(request);
    let success = false;
    let usage: ChatChunk['usage'];
    const lifetime = this.track();
    try {
      const sent = await this.sendChat(request, context, true, options, lifetime.signal);
      const body = sent.response.body;
      if (body === null)
        throw new APIError('The provider sent an empty stream', {
          type: APIErrorType.SERVER_ERROR,
          provider: this.name,
        });
      const pipeline = createLosslessPipeline(
        body,
        this.definition.streamFraming,
        this.definition.createStreamTransformer(context),
      );
      const reader = pipeline.chunks.getReader();
      let finished = false;
      try {
        for (;;) {
          let result: ReadableStreamReadResult<ChatChunk>;
          try {
            result = await reader.read();
          } catch (error) {
            // A dropped or aborted connection explains a vendor stage's complaint about truncation.
            const cause = pipeline.transportError() ?? error;
            throw toTransportError(cause, this.name, sent.signal, this.secrets());
          }
          if (result.done) {
            const failure = pipeline.transportError() ?? pipeline.vendorError();
            if (failure !== undefined) {
              throw toTransportError(failure, this.name, sent.signal, this.secrets());
            }
            break;
          }
          if (result.value.usage) usage = result.value.usage;
          yield result.value;
        }
        finished = true;
        success = true;
      } finally {
        if (finished) sent.finish();
        else {
          sent.abort();
          reader.cancel().catch(() => {});
        }
      }
    } finally {
      lifetime.done();
      this.usage.record(success, Date.now() - started, usage);
    }
  }

  async executeToolCall(toolCall: ToolCall, context: ToolExecutionContext): Promise<ToolResult> {
    return executeToolCall(toolCall, context);
  }

  async getUsage(): Promise<UsageStats> {
    return this.usage.snapshot();
  }

  async getRateLimit(): Promise<RateLimitInfo> {
    return { ...this.rateLimit };
  }

  async disconnect(): Promise<void> {
    for (const controller of this.inFlight) controller.abort();
    this.inFlight.clear();
  }

  /** Maps the request, sends it and notes the response headers. */
  private async sendChat(
    request: ChatRequest,
    context: CallContext<C>,
    stream: boolean,
    options: RequestOptions | undefined,
    lifetime: AbortSignal,
  ): Promise<SentResponse> {
    const wire = this.prepare(request, context, stream);
    const sent = await sendRequest(
      this.sendOptions('POST', wire.path, wire.body, wire.headers, request, options, lifetime),
    );
    this.noteHeaders(sent.response.headers, context);
    return sent;
  }

  /** A signal that `disconnect()` aborts, for the lifetime of one call. */
  private track(): { signal: AbortSignal; done: () => void } {
    const controller = new AbortController();
    this.inFlight.add(controller);
    return { signal: controller.signal, done: () => this.inFlight.delete(controller) };
  }

  private callContext(request: ChatRequest): CallContext<C> {
    return {
      config: this.config,
      providerName: this.name,
      request,
      responseHeaders: new Headers(),
    };
  }

  private prepare(request: ChatRequest, context: CallContext<C>, stream: boolean) {
    const resolved =
      request.model || !this.config.defaultModel
        ? request
        : { ...request, model: this.config.defaultModel };
    context.request = resolved;
    validateChatRequest(resolved, this.name, this.capabilities);
    return this.definition.buildChatRequest(resolved, context, stream);
  }

  private noteHeaders(headers: Headers, context: CallContext<C>): void {
    context.responseHeaders = headers;
    const info = parseRateLimitHeaders(headers);
    if (info) this.rateLimit = info;
  }

  private secrets(): string[] {
    return this.config.apiKey ? [this.config.apiKey] : [];
  }

  private sendOptions(
    method: 'GET' | 'POST',
    path: string,
    body: unknown,
    extraHeaders: Record<string, string> | undefined,
    request: ChatRequest | undefined,
    options: RequestOptions | undefined,
    lifetime: AbortSignal,
  ): SendOptions {
    const headers: Record<string, string> = {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...this.config.headers,
      ...this.definition.headers(this.config),
      ...extraHeaders,
      ...options?.headers,
    };
    const fetchFunction: FetchFunction =
      this.config.fetch ?? ((input, init) => globalThis.fetch(input, init));
    return {
      fetch: fetchFunction,
      url: joinUrl(this.config.baseUrl ?? this.definition.defaultBaseUrl, path),
      method,
      headers,
      body,
      signals: [request?.signal, options?.signal, lifetime],
      timeoutMs: this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      providerName: this.name,
      secrets: this.secrets(),
      parseError: (errorBody, status, responseHeaders) =>
        this.definition.parseError(errorBody, status, responseHeaders),
    };
  }

  private async fetchModels(options?: RequestOptions): Promise<Model[]> {
    const { path } = this.definition.models;
    const modelsPath = typeof path === 'function' ? path(this.config) : path;
    if (modelsPath === '') return [];
    const lifetime = this.track();
    const sent = await sendRequest(
      this.sendOptions(
        'GET',
        modelsPath,
        undefined,
        undefined,
        undefined,
        options,
        lifetime.signal,
      ),
    ).finally(lifetime.done);
    this.noteHeaders(sent.response.headers, this.callContext({ model: '', messages: [] }));
    try {
      return this.definition.models.parse(await sent.response.json(), this.name);
    } catch (error) {
      throw toTransportError(error, this.name, sent.signal, this.secrets());
    } finally {
      sent.finish();
    }
  }
}

/**
 * Creates an `AIProvider` from a vendor definition and a config. Throws a typed `APIError` when
 * the config is unusable (missing key, bad base URL).
 */
export function createAdapter<C extends ProviderConfig>(
  definition: ProviderDefinition<C>,
  config: C,
): AIProvider {
  return new DefinedProvider(definition, config);
}
