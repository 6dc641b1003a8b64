import type { ProviderDefinition } from '../../adapter/definition.js';
import type {
  Model,
  ProviderCapabilities,
  ProviderConfig,
  ProviderType,
} from '../../spec/index.js';
import { parseOpenAIError } from './errors.js';
import { parseModelList } from './models.js';
import type { RequestQuirks } from './request.js';
import { toWireRequest } from './request.js';
import { toChatResponse } from './response.js';
import { createOpenAICompatibleStreamTransformer } from './stream.js';

/** What makes one OpenAI-compatible provider kind: data and small hooks. */
export interface OpenAICompatibleOptions<C extends ProviderConfig> {
  type: ProviderType;
  /** Base URL when the config has none, e.g. `https://api.openai.com/v1`. */
  defaultBaseUrl: string;
  /** Whether a key must be configured (local servers need none). */
  requiresApiKey: boolean;
  /** Built-in models (default none). */
  catalog?: readonly Model[];
  /** Overrides of the default capabilities (streaming, tools, images, reasoning, listing: on). */
  capabilities?: Partial<ProviderCapabilities>;
  /** Authentication and fixed headers (default: `Authorization: Bearer` when a key is set). */
  headers?: (config: C) => Record<string, string>;
  /** How the server's request differs from the common one. */
  quirks?: RequestQuirks;
  /** Model-list path (default `/models`; `''` when the server has none). */
  modelsPath?: string;
  /** Which listed ids are chat models (default: all). */
  includeModel?: (id: string) => boolean;
}

/** `Authorization: Bearer <key>` when a key is configured, nothing otherwise. */
export function bearerHeaders(config: ProviderConfig): Record<string, string> {
  return config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {};
}

/**
 * Builds the `ProviderDefinition` of an OpenAI-compatible provider: the OpenAI, LM Studio and
 * ThinkBackCode kinds, and `custom` providers with `requestFormat: 'openai'`.
 */
export function createOpenAICompatibleDefinition<C extends ProviderConfig>(
  options: OpenAICompatibleOptions<C>,
): ProviderDefinition<C> {
  const modelsPath = options.modelsPath ?? '/models';
  const context = (providerName: string, request: { model: string; messages: unknown[] }) => ({
    provider: providerName,
    turn: request.messages.length,
    model: request.model,
  });
  return {
    type: options.type,
    capabilities: {
      streaming: true,
      tools: true,
      images: true,
      reasoning: true,
      promptCaching: false,
      modelListing: modelsPath !== '',
      ...options.capabilities,
    },
    defaultBaseUrl: options.defaultBaseUrl,
    requiresApiKey: options.requiresApiKey,
    catalog: options.catalog ?? [],
    headers: options.headers ?? bearerHeaders,
    buildChatRequest: (request, call, stream) => ({
      path: '/chat/completions',
      body: toWireRequest(request, stream, call.providerName, options.quirks),
    }),
    parseChatResponse: (body, call) =>
      toChatResponse(body, context(call.providerName, call.request)),
    streamFraming: 'sse',
    createStreamTransformer: (call) =>
      createOpenAICompatibleStreamTransformer(context(call.providerName, call.request)),
    parseError: parseOpenAIError,
    models: {
      path: modelsPath,
      parse: (body, providerName) => parseModelList(body, providerName, options.includeModel),
    },
  };
}
