import { ANTHROPIC_CATALOG } from '../providers/anthropic/index.js';
import { GOOGLE_CATALOG } from '../providers/google/index.js';
import { OLLAMA_CATALOG } from '../providers/ollama/models.js';
import { openaiCatalog } from '../providers/openai/index.js';
import { thinkbackcodeCatalog } from '../providers/thinkbackcode/index.js';
import type { Model, ModelPricing, TokenUsage } from '../spec/index.js';

/** Every built-in catalog entry, by provider kind. */
export const MODEL_CATALOG: Readonly<Record<string, readonly Model[]>> = {
  openai: openaiCatalog,
  anthropic: ANTHROPIC_CATALOG,
  google: GOOGLE_CATALOG,
  ollama: OLLAMA_CATALOG,
  thinkbackcode: thinkbackcodeCatalog,
};

/**
 * Finds a catalog model offline. `provider` is a provider kind; a model id with a dated or
 * versioned suffix (`claude-haiku-4-5-20251001`, `gpt-4.1-mini-2025-04-14`) falls back to its base id.
 */
export function findCatalogModel(provider: string, modelId: string): Model | undefined {
  const models = MODEL_CATALOG[provider];
  if (models === undefined) return undefined;
  const exact = models.find((model) => model.id === modelId);
  if (exact) return exact;
  const base = modelId.replace(/-(\d{8}|\d{4}-\d{2}-\d{2})$/, '').replace(/^models\//, '');
  return models.find((model) => model.id === base);
}

/**
 * Estimated cost in US dollars of one call: uncached input at the input price, cache reads at
 * the cached-input price, cache writes at the cache-write price (input price when unknown),
 * output (reasoning included) at the output price.
 */
export function estimateCost(pricing: ModelPricing | undefined, usage: TokenUsage): number {
  if (pricing === undefined) return 0;
  const cached = usage.cachedTokens ?? 0;
  const written = usage.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, usage.promptTokens - cached - written);
  const dollars =
    uncached * pricing.input +
    cached * (pricing.cachedInput ?? pricing.input) +
    written * (pricing.cacheWrite ?? pricing.input) +
    usage.completionTokens * pricing.output;
  return dollars / 1_000_000;
}
