import type { CustomConfig, Model, ProviderCapabilities } from '../../spec/index.js';

/**
 * The models a custom endpoint offers, from `config.models` (such endpoints rarely have a list
 * route). Windows and prices are unknown (0 / absent); capabilities follow the mapping.
 */
export function customCatalog(config: CustomConfig, capabilities: ProviderCapabilities): Model[] {
  return (config.models ?? []).map((id) => ({
    id,
    name: id,
    provider: config.id ?? config.name,
    contextWindow: 0,
    maxOutputTokens: 0,
    capabilities: {
      supportsTools: capabilities.tools,
      supportsImages: capabilities.images,
      supportsReasoning: false,
      supportsStreaming: true,
    },
  }));
}
