import { createAdapter } from '../../adapter/create-adapter.js';
import type { ProviderDefinition } from '../../adapter/definition.js';
import type { AIProvider, CustomConfig } from '../../spec/index.js';
import { createOpenAICompatibleDefinition } from './definition.js';
import { catalogModel } from './models.js';

/**
 * The definition of a `custom` provider with `requestFormat: 'openai'`: the key goes in
 * `authHeader` (default `Authorization: Bearer`; any other header gets the bare key), and
 * `models` become catalog entries for endpoints without a model list.
 */
export function createCustomOpenAIDefinition(
  config: CustomConfig,
): ProviderDefinition<CustomConfig> {
  return createOpenAICompatibleDefinition<CustomConfig>({
    type: 'custom',
    defaultBaseUrl: config.baseUrl,
    requiresApiKey: false,
    catalog: (config.models ?? []).map((id) =>
      catalogModel(config.name, { id, name: id, contextWindow: 0, maxOutputTokens: 0 }),
    ),
    headers: (current) => {
      if (!current.apiKey) return {};
      const header = current.authHeader ?? 'authorization';
      return header.toLowerCase() === 'authorization'
        ? { authorization: `Bearer ${current.apiKey}` }
        : { [header]: current.apiKey };
    },
  });
}

/** A `custom` OpenAI-compatible provider (`requestFormat: 'openai'`). */
export function createCustomOpenAIProvider(config: CustomConfig): AIProvider {
  return createAdapter(createCustomOpenAIDefinition(config), config);
}
