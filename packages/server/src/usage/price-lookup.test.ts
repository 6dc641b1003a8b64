import { describe, expect, it } from 'vitest';
import {
  createCatalogPriceLookup,
  estimateUsageCost,
  type PricedProviderConfig,
} from './price-lookup.js';

const configs: Record<string, PricedProviderConfig> = {
  'work-claude': { provider: 'anthropic' },
  'in-house': {
    provider: 'custom',
    models: ['plain-model', { id: 'priced-model', pricing: { input: 2, output: 6 } }],
  },
  'discounted-openai': {
    provider: 'openai',
    models: [{ id: 'gpt-4.1-mini', pricing: { input: 0.2, output: 0.8, cachedInput: 0.05 } }],
  },
};
const lookup = createCatalogPriceLookup((id) => configs[id]);

describe('createCatalogPriceLookup', () => {
  it('prices vendor models from the core catalog, dated ids falling back to their base id', () => {
    const mini = { input: 0.4, output: 1.6, cachedInput: 0.1 };
    expect(lookup.price('openai', 'gpt-4.1-mini')).toMatchObject(mini);
    expect(lookup.price('openai', 'gpt-4.1-mini-2025-04-14')).toMatchObject(mini);
    expect(lookup.price('anthropic', 'claude-haiku-4-5-20251001')).toEqual({
      input: 1,
      output: 5,
      cachedInput: 0.1,
      cacheWrite: 1.25,
    });
    expect(lookup.price('openai', 'no-such-model')).toBeUndefined();
    expect(lookup.price('unknown-provider', 'gpt-4.1-mini')).toBeUndefined();
  });

  it('prices a config id as the provider kind it uses', () => {
    expect(lookup.price('work-claude', 'claude-sonnet-4-5')).toMatchObject({
      input: 3,
      output: 15,
    });
  });

  it("prices custom providers only from their config's models, else not at all", () => {
    expect(lookup.price('in-house', 'priced-model')).toEqual({ input: 2, output: 6 });
    expect(lookup.price('in-house', 'plain-model')).toBeUndefined();
    // A custom endpoint serving a model with a vendor's name is not billed at the vendor's price.
    expect(lookup.price('in-house', 'gpt-4.1-mini')).toBeUndefined();
    expect(lookup.price('discounted-openai', 'gpt-4.1-mini')).toEqual({
      input: 0.2,
      output: 0.8,
      cachedInput: 0.05,
    });
  });
});

describe('estimateUsageCost', () => {
  it('prices uncached input, cache reads, cache writes and output separately', () => {
    const sonnet = lookup.price('anthropic', 'claude-sonnet-4-5');
    // 700 uncached × $3 + 200 read × $0.30 + 100 written × $3.75 + 500 out × $15
    // = 2,100 + 60 + 375 + 7,500 = 10,035 dollars per million tokens = $0.010035.
    expect(
      estimateUsageCost(
        { promptTokens: 1000, cachedTokens: 200, cacheWriteTokens: 100, completionTokens: 500 },
        sonnet,
      ),
    ).toBeCloseTo(0.010035, 12);
    // gpt-4.1-mini: 800 × $0.40 + 200 × $0.10 + 500 × $1.60 = 320 + 20 + 800 = $0.00114.
    expect(
      estimateUsageCost(
        { promptTokens: 1000, cachedTokens: 200, completionTokens: 500 },
        lookup.price('openai', 'gpt-4.1-mini'),
      ),
    ).toBeCloseTo(0.00114, 12);
  });

  it('costs 0 when the price is unknown, and never counts more cached tokens than prompt tokens', () => {
    expect(
      estimateUsageCost({ promptTokens: 10, cachedTokens: 0, completionTokens: 5 }, undefined),
    ).toBe(0);
    // 10 cached (capped from 50) × $2 (no cached price: input) + 5 × $6 = 20 + 30 = $0.00005.
    expect(
      estimateUsageCost(
        { promptTokens: 10, cachedTokens: 50, completionTokens: 5 },
        lookup.price('in-house', 'priced-model'),
      ),
    ).toBeCloseTo(0.00005, 12);
  });
});
