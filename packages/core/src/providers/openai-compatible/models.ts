import type { Model, ModelPricing } from '../../spec/index.js';
import type { WireModelList } from './wire.js';

/** What a catalog entry states; the rest is filled in by `catalogModel`. */
export interface CatalogEntry {
  id: string;
  name: string;
  contextWindow: number;
  maxOutputTokens: number;
  images?: boolean;
  reasoning?: boolean;
  tools?: boolean;
  promptCache?: boolean;
  /** US dollars per million tokens. */
  pricing?: ModelPricing;
}

/** A catalog `Model` for a provider kind from a compact entry. */
export function catalogModel(provider: string, entry: CatalogEntry): Model {
  const model: Model = {
    id: entry.id,
    name: entry.name,
    provider,
    contextWindow: entry.contextWindow,
    maxOutputTokens: entry.maxOutputTokens,
    capabilities: {
      supportsTools: entry.tools ?? true,
      supportsImages: entry.images ?? false,
      supportsReasoning: entry.reasoning ?? false,
      supportsStreaming: true,
      supportsPromptCache: entry.promptCache ?? false,
    },
    inCatalog: true,
  };
  if (entry.pricing) model.pricing = entry.pricing;
  return model;
}

/**
 * `GET /models` (`{data:[{id,…}]}`) → models with unknown limits; the engine merges them with the
 * catalog. `include` filters out what is not a chat model (embeddings, speech, images).
 */
export function parseModelList(
  body: unknown,
  providerName: string,
  include: (id: string) => boolean = () => true,
): Model[] {
  const list = (typeof body === 'object' && body !== null ? body : {}) as WireModelList;
  const data = Array.isArray(list.data) ? list.data : [];
  return data
    .map((entry) => entry?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '' && include(id))
    .map((id) => ({
      id,
      name: id,
      provider: providerName,
      contextWindow: 0,
      maxOutputTokens: 0,
      capabilities: {
        supportsTools: true,
        supportsImages: false,
        supportsReasoning: false,
        supportsStreaming: true,
      },
      inCatalog: false,
    }));
}
