import type { Model } from '../../spec/index.js';
import { type CatalogEntry, catalogModel } from '../openai-compatible/models.js';

// Upstream list prices in US dollars per million tokens (the gateway is bring-your-own-key, so
// the vendor's price is what a call costs), checked 2026-11.
const entries: CatalogEntry[] = [
  {
    id: 'openai/gpt-4.1',
    name: 'GPT-4.1 (via ThinkBackCode)',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    images: true,
    pricing: { input: 2, output: 8, cachedInput: 0.5 },
  },
  {
    id: 'openai/gpt-4.1-mini',
    name: 'GPT-4.1 mini (via ThinkBackCode)',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    images: true,
    pricing: { input: 0.4, output: 1.6, cachedInput: 0.1 },
  },
  {
    id: 'openai/gpt-5-mini',
    name: 'GPT-5 mini (via ThinkBackCode)',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    images: true,
    reasoning: true,
    pricing: { input: 0.25, output: 2, cachedInput: 0.025 },
  },
  {
    id: 'anthropic/claude-sonnet-4-5',
    name: 'Claude Sonnet 4.5 (via ThinkBackCode)',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    images: true,
    reasoning: true,
    promptCache: true,
    pricing: { input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 },
  },
  {
    id: 'anthropic/claude-haiku-4-5',
    name: 'Claude Haiku 4.5 (via ThinkBackCode)',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    images: true,
    reasoning: true,
    promptCache: true,
    pricing: { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 },
  },
  {
    id: 'google/gemini-2.5-flash',
    name: 'Gemini 2.5 Flash (via ThinkBackCode)',
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    images: true,
    reasoning: true,
    pricing: { input: 0.3, output: 2.5, cachedInput: 0.03 },
  },
  {
    id: 'google/gemini-2.5-pro',
    name: 'Gemini 2.5 Pro (via ThinkBackCode)',
    contextWindow: 1_048_576,
    maxOutputTokens: 65_536,
    images: true,
    reasoning: true,
    pricing: { input: 1.25, output: 10, cachedInput: 0.125 },
  },
];

/** `provider/model` ids the gateway serves. */
export const thinkbackcodeCatalog: readonly Model[] = entries.map((entry) =>
  catalogModel('thinkbackcode', entry),
);
