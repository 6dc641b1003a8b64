import {
  estimateCost,
  findCatalogModel,
  type ModelPricing,
  type TokenUsage,
} from '@thinkbackcode/core';

/** Prices in US dollars per million tokens (the core's `ModelPricing`). */
export type TokenPrices = ModelPricing;

/** Finds the price of a model. */
export interface PriceLookup {
  /**
   * Prices of `model` served by `provider` (a provider config id, a route id such as `openai`, or a
   * provider kind), or undefined when unknown (the call then costs 0).
   */
  price(provider: string, model: string): TokenPrices | undefined;
}

/** What the catalog lookup needs to know about a stored provider config. */
export interface PricedProviderConfig {
  /** Provider kind (`openai`, `anthropic`, `custom`, …). */
  provider: string;
  /**
   * Models of the config: ids (no price) or `{ id, pricing }` entries, which price a custom
   * endpoint's models.
   */
  models?: unknown;
}

/** A lookup over a fixed table keyed `provider/model` (or just `model`). Unknown models cost 0. */
export function createTablePriceLookup(table: Record<string, TokenPrices>): PriceLookup {
  return {
    price(provider, model) {
      return table[`${provider}/${model}`] ?? table[model];
    },
  };
}

function isPricing(value: unknown): value is ModelPricing {
  if (typeof value !== 'object' || value === null) return false;
  const pricing = value as Record<string, unknown>;
  return (
    typeof pricing.input === 'number' &&
    typeof pricing.output === 'number' &&
    (pricing.cachedInput === undefined || typeof pricing.cachedInput === 'number') &&
    (pricing.cacheWrite === undefined || typeof pricing.cacheWrite === 'number')
  );
}

/** The price a config's own `models` list gives `model`, if any. */
function configuredPrice(models: unknown, model: string): TokenPrices | undefined {
  if (!Array.isArray(models)) return undefined;
  for (const entry of models) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { id, pricing } = entry as { id?: unknown; pricing?: unknown };
    if (id === model && isPricing(pricing)) return pricing;
  }
  return undefined;
}

/**
 * Prices from the core catalog (`findCatalogModel`: a dated model id falls back to its base id).
 * `configOf` maps a provider config id to its kind, so `/v1` rows named after a config (`work-openai`)
 * are priced as the kind they use. A config's own `models` entries with `pricing` win; custom
 * providers, which have no catalog, are priced only that way (else 0).
 */
export function createCatalogPriceLookup(
  configOf: (id: string) => PricedProviderConfig | undefined = () => undefined,
): PriceLookup {
  return {
    price(provider, model) {
      const config = configOf(provider);
      const own = configuredPrice(config?.models, model);
      if (own !== undefined) return own;
      const kind = config?.provider ?? provider;
      if (kind === 'custom') return undefined;
      return findCatalogModel(kind, model)?.pricing;
    },
  };
}

/** Token counts priced by `estimateUsageCost` (each part of `promptTokens` where it says so). */
export interface PricedTokens {
  promptTokens: number;
  completionTokens: number;
  /** Input tokens read from the cache (part of `promptTokens`). */
  cachedTokens: number;
  /** Input tokens written to the cache (part of `promptTokens`), when the vendor reports them. */
  cacheWriteTokens?: number | undefined;
}

/**
 * Estimated cost in US dollars through the core's `estimateCost`: uncached input at `input`,
 * cache reads at `cachedInput`, cache writes at `cacheWrite` (both default `input`), output
 * (reasoning included) at `output`. 0 when the price is unknown.
 */
export function estimateUsageCost(tokens: PricedTokens, prices: TokenPrices | undefined): number {
  if (prices === undefined) return 0;
  const usage: TokenUsage = {
    promptTokens: tokens.promptTokens,
    completionTokens: tokens.completionTokens,
    totalTokens: tokens.promptTokens + tokens.completionTokens,
    cachedTokens: Math.min(tokens.cachedTokens, tokens.promptTokens),
  };
  if (tokens.cacheWriteTokens !== undefined) usage.cacheWriteTokens = tokens.cacheWriteTokens;
  return estimateCost(prices, usage);
}
