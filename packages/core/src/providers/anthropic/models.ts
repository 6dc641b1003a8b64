import type { Model, ModelPricing } from '../../spec/index.js';
import type { AnthropicModelEntry } from './wire.js';

interface CatalogEntry {
  /** The alias the API accepts (always the latest snapshot). */
  id: string;
  /** The dated snapshot the model list reports. */
  snapshot: string;
  name: string;
  contextWindow: number;
  maxOutputTokens: number;
  reasoning: boolean;
  pricing: ModelPricing;
}

// Prices in USD per million tokens from Anthropic's published price list ("Model pricing":
// base input, output, cache hits, 5-minute cache writes). Windows and output limits from the
// models overview (200K context; the 1M-token beta for Sonnet 4/4.5 is not assumed).
const entries: CatalogEntry[] = [
  {
    id: 'claude-opus-4-1',
    snapshot: 'claude-opus-4-1-20250805',
    name: 'Claude Opus 4.1',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    reasoning: true,
    pricing: { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75 },
  },
  {
    id: 'claude-opus-4-0',
    snapshot: 'claude-opus-4-20250514',
    name: 'Claude Opus 4',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    reasoning: true,
    pricing: { input: 15, output: 75, cachedInput: 1.5, cacheWrite: 18.75 },
  },
  {
    id: 'claude-sonnet-4-5',
    snapshot: 'claude-sonnet-4-5-20250929',
    name: 'Claude Sonnet 4.5',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    reasoning: true,
    pricing: { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  },
  {
    id: 'claude-sonnet-4-0',
    snapshot: 'claude-sonnet-4-20250514',
    name: 'Claude Sonnet 4',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    reasoning: true,
    pricing: { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  },
  {
    id: 'claude-3-7-sonnet-latest',
    snapshot: 'claude-3-7-sonnet-20250219',
    name: 'Claude Sonnet 3.7',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    reasoning: true,
    pricing: { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  },
  {
    id: 'claude-haiku-4-5',
    snapshot: 'claude-haiku-4-5-20251001',
    name: 'Claude Haiku 4.5',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    reasoning: true,
    pricing: { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 },
  },
  {
    id: 'claude-3-5-haiku-latest',
    snapshot: 'claude-3-5-haiku-20241022',
    name: 'Claude Haiku 3.5',
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    reasoning: false,
    pricing: { input: 0.8, output: 4, cachedInput: 0.08, cacheWrite: 1 },
  },
];

/** The built-in Anthropic catalog (ids are the API's aliases). */
export const ANTHROPIC_CATALOG: readonly Model[] = entries.map((entry) => ({
  id: entry.id,
  name: entry.name,
  provider: 'anthropic',
  contextWindow: entry.contextWindow,
  maxOutputTokens: entry.maxOutputTokens,
  capabilities: {
    supportsTools: true,
    supportsImages: true,
    supportsReasoning: entry.reasoning,
    supportsStreaming: true,
    supportsPromptCache: true,
  },
  pricing: entry.pricing,
  inCatalog: true,
}));

/** The catalog entry for an alias or a dated snapshot id. */
function findEntry(modelId: string): CatalogEntry | undefined {
  return entries.find((entry) => entry.id === modelId || entry.snapshot === modelId);
}

/** Default `max_tokens` (required by the API): the model's output limit, else 4096. */
export function defaultMaxTokens(modelId: string): number {
  return findEntry(modelId)?.maxOutputTokens ?? 4096;
}

/**
 * `GET /v1/models` → models. A dated snapshot the catalog knows is reported under the catalog's
 * alias, so the engine merges it with the catalog's window, capabilities and prices.
 */
export function parseModelList(body: unknown, providerName: string): Model[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  const models: Model[] = [];
  const seen = new Set<string>();
  for (const item of data as AnthropicModelEntry[]) {
    if (typeof item?.id !== 'string') continue;
    const id = findEntry(item.id)?.id ?? item.id;
    if (seen.has(id)) continue;
    seen.add(id);
    models.push({
      id,
      name: item.display_name ?? item.id,
      provider: providerName,
      contextWindow: 0,
      maxOutputTokens: 0,
      capabilities: {
        supportsTools: true,
        supportsImages: true,
        supportsReasoning: false,
        supportsStreaming: true,
      },
    });
  }
  return models;
}
