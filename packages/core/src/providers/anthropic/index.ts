import { createAdapter } from '../../adapter/create-adapter.js';
import type { ProviderDefinition } from '../../adapter/definition.js';
import type { AIProvider, AnthropicConfig } from '../../spec/index.js';
import { parseAnthropicError } from './errors.js';
import { ANTHROPIC_CATALOG, parseModelList } from './models.js';
import { buildAnthropicRequest, DEFAULT_ANTHROPIC_VERSION } from './request.js';
import { parseAnthropicResponse } from './response.js';
import { createAnthropicStreamTransformer } from './stream.js';

/**
 * The Anthropic Messages API adapter: `x-api-key` auth, `anthropic-version` (default
 * `2023-06-01`), optional `anthropic-beta` and browser-access headers; base URL is the API origin.
 */
export const anthropicDefinition: ProviderDefinition<AnthropicConfig> = {
  type: 'anthropic',
  capabilities: {
    streaming: true,
    tools: true,
    images: true,
    reasoning: true,
    promptCaching: true,
    modelListing: true,
  },
  defaultBaseUrl: 'https://api.anthropic.com',
  requiresApiKey: true,
  catalog: ANTHROPIC_CATALOG,
  headers(config) {
    const headers: Record<string, string> = {
      'x-api-key': config.apiKey,
      'anthropic-version': config.anthropicVersion ?? DEFAULT_ANTHROPIC_VERSION,
    };
    if (config.betas && config.betas.length > 0) headers['anthropic-beta'] = config.betas.join(',');
    if (config.allowBrowserAccess) headers['anthropic-dangerous-direct-browser-access'] = 'true';
    return headers;
  },
  buildChatRequest: buildAnthropicRequest,
  parseChatResponse: parseAnthropicResponse,
  streamFraming: 'sse',
  createStreamTransformer: createAnthropicStreamTransformer,
  parseError: parseAnthropicError,
  models: { path: '/v1/models?limit=1000', parse: parseModelList },
};

/** Creates an Anthropic `AIProvider`. Throws `APIError` when the config has no key or a bad base URL. */
export function createAnthropicProvider(config: AnthropicConfig): AIProvider {
  return createAdapter(anthropicDefinition, config);
}

export { ANTHROPIC_CATALOG } from './models.js';
export { ANTHROPIC_SOURCE } from './request-messages.js';
