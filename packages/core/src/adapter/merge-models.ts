import type { Model } from '../spec/index.js';

/**
 * Merges what the vendor lists with the built-in catalog: a listed model known to the catalog
 * gets the catalog's window, capabilities and prices; an unknown one keeps what the vendor said.
 */
export function mergeModels(
  vendorModels: readonly Model[],
  catalog: readonly Model[],
  provider: string,
): Model[] {
  const byId = new Map(catalog.map((model) => [model.id, model]));
  return vendorModels.map((model) => {
    const known = byId.get(model.id);
    if (known === undefined) return { ...model, provider, inCatalog: false };
    return {
      ...known,
      provider,
      name: known.name || model.name,
      contextWindow: known.contextWindow || model.contextWindow,
      maxOutputTokens: known.maxOutputTokens || model.maxOutputTokens,
      inCatalog: true,
    };
  });
}
