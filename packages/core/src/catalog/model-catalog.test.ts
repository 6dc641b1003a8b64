import { describe, expect, it } from 'vitest';
import { estimateCost, findCatalogModel, MODEL_CATALOG } from './model-catalog.js';

describe('model catalog', () => {
  it('holds models for every hosted vendor, each with limits and prices', () => {
    for (const provider of ['openai', 'anthropic', 'google', 'thinkbackcode']) {
      const models = MODEL_CATALOG[provider] ?? [];
      expect(models.length, provider).toBeGreaterThan(2);
      for (const model of models) {
        expect(model.contextWindow, model.id).toBeGreaterThan(0);
        expect(model.maxOutputTokens, model.id).toBeGreaterThan(0);
        expect(model.pricing?.input, model.id).toBeGreaterThanOrEqual(0);
        expect(model.pricing?.output, model.id).toBeGreaterThan(0);
      }
    }
  });

  it('finds dated model ids by their base id', () => {
    expect(findCatalogModel('anthropic', 'claude-haiku-4-5-20251001')?.id).toBe('claude-haiku-4-5');
    expect(findCatalogModel('openai', 'gpt-4.1-mini-2025-04-14')?.id).toBe('gpt-4.1-mini');
    expect(findCatalogModel('openai', 'no-such-model')).toBeUndefined();
    expect(findCatalogModel('nope', 'gpt-4.1')).toBeUndefined();
  });

  it('prices cached, cache-write, uncached and output tokens separately', () => {
    const pricing = { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 };
    const usage = {
      promptTokens: 1_000_000,
      completionTokens: 100_000,
      totalTokens: 1_100_000,
      cachedTokens: 400_000,
      cacheWriteTokens: 100_000,
    };
    // 500k uncached × 3 + 400k × 0.3 + 100k × 3.75 + 100k × 15, per million.
    expect(estimateCost(pricing, usage)).toBeCloseTo(1.5 + 0.12 + 0.375 + 1.5, 10);
    expect(estimateCost(undefined, usage)).toBe(0);
  });
});
