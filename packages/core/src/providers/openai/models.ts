import type { Model } from '../../spec/index.js';
import { type CatalogEntry, catalogModel } from '../openai-compatible/models.js';

// Standard-tier prices in US dollars per million tokens, from https://platform.openai.com/docs/pricing
// (checked 2026-11). OpenAI bills no cache writes; cached input is the discounted read price.
const entries: CatalogEntry[] = [
  {
    id: 'gpt-5',
    name: 'GPT-5',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    images: true,
    reasoning: true,
    pricing: { input: 1.25, output: 10, cachedInput: 0.125 },
  },
  {
    id: 'gpt-5-mini',
    name: 'GPT-5 mini',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    images: true,
    reasoning: true,
    pricing: { input: 0.25, output: 2, cachedInput: 0.025 },
  },
  {
    id: 'gpt-5-nano',
    name: 'GPT-5 nano',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    images: true,
    reasoning: true,
    pricing: { input: 0.05, output: 0.4, cachedInput: 0.005 },
  },
  {
    id: 'gpt-4.1',
    name: 'GPT-4.1',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    images: true,
    pricing: { input: 2, output: 8, cachedInput: 0.5 },
  },
  {
    id: 'gpt-4.1-mini',
    name: 'GPT-4.1 mini',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    images: true,
    pricing: { input: 0.4, output: 1.6, cachedInput: 0.1 },
  },
  {
    id: 'gpt-4.1-nano',
    name: 'GPT-4.1 nano',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    images: true,
    pricing: { input: 0.1, output: 0.4, cachedInput: 0.025 },
  },
  {
    id: 'gpt-4o',
    name: 'GPT-4o',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    images: true,
    pricing: { input: 2.5, output: 10, cachedInput: 1.25 },
  },
  {
    id: 'gpt-4o-mini',
    name: 'GPT-4o mini',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    images: true,
    pricing: { input: 0.15, output: 0.6, cachedInput: 0.075 },
  },
  {
    id: 'o3',
    name: 'o3',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    images: true,
    reasoning: true,
    pricing: { input: 2, output: 8, cachedInput: 0.5 },
  },
  {
    id: 'o3-mini',
    name: 'o3-mini',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    reasoning: true,
    pricing: { input: 1.1, output: 4.4, cachedInput: 0.55 },
  },
  {
    id: 'o4-mini',
    name: 'o4-mini',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    images: true,
    reasoning: true,
    pricing: { input: 1.1, output: 4.4, cachedInput: 0.275 },
  },
];

/** OpenAI's current chat models with limits, capabilities and prices. */
export const openaiCatalog: readonly Model[] = entries.map((entry) =>
  catalogModel('openai', { ...entry, promptCache: true }),
);

/** Ids in `GET /v1/models` that are chat models (not embeddings, speech, images or moderation). */
export const isOpenAIChatModel = (id: string): boolean =>
  /^(gpt-|o\d|chatgpt-)/.test(id) &&
  !/(embedding|tts|transcribe|whisper|realtime|audio|image|moderation|search|instruct)/.test(id);
