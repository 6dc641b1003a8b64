/** Prices in US dollars per million tokens (the core's `ModelPricing`). */
export interface TokenPrices {
  input: number;
  output: number;
  /** Price of cached input tokens (default: `input`). */
  cachedInput?: number;
}

/** Finds the price of a model. The core catalog backs it once it lands. */
export interface PriceLookup {
  price(provider: string, model: string): TokenPrices | undefined;
}

/** A lookup over a fixed table keyed `provider/model` (or just `model`). Unknown models cost 0. */
export function createTablePriceLookup(table: Record<string, TokenPrices>): PriceLookup {
  return {
    price(provider, model) {
      return table[`${provider}/${model}`] ?? table[model];
    },
  };
}

/** Token counts priced by `estimateCost`. */
export interface PricedTokens {
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
}

/**
 * Estimated cost in US dollars: uncached input at `input`, cached input at `cachedInput`
 * (or `input`), output (reasoning included) at `output`. 0 when the price is unknown.
 */
export function estimateCost(tokens: PricedTokens, prices: TokenPrices | undefined): number {
  if (!prices) return 0;
  const cached = Math.min(tokens.cachedTokens, tokens.promptTokens);
  return (
    ((tokens.promptTokens - cached) * prices.input +
      cached * (prices.cachedInput ?? prices.input) +
      tokens.completionTokens * prices.output) /
    1_000_000
  );
}
