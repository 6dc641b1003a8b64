import type { Model } from '../../spec/index.js';
import { catalogModel } from '../openai-compatible/models.js';

/** id, name, context window, max output, features, input / output / cached-input price. */
type Row = [string, string, number, number, string, number, number, number];

// Standard-tier prices in US dollars per million tokens (input, output, cached input) from
// https://platform.openai.com/docs/pricing, checked 2026-11. OpenAI bills no cache writes.
// Features: I = image input, R = reasoning model.
const rows: Row[] = [
  ['gpt-5', 'GPT-5', 400_000, 128_000, 'IR', 1.25, 10, 0.125],
  ['gpt-5-mini', 'GPT-5 mini', 400_000, 128_000, 'IR', 0.25, 2, 0.025],
  ['gpt-5-nano', 'GPT-5 nano', 400_000, 128_000, 'IR', 0.05, 0.4, 0.005],
  ['gpt-4.1', 'GPT-4.1', 1_047_576, 32_768, 'I', 2, 8, 0.5],
  ['gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 32_768, 'I', 0.4, 1.6, 0.1],
  ['gpt-4.1-nano', 'GPT-4.1 nano', 1_047_576, 32_768, 'I', 0.1, 0.4, 0.025],
  ['gpt-4o', 'GPT-4o', 128_000, 16_384, 'I', 2.5, 10, 1.25],
  ['gpt-4o-mini', 'GPT-4o mini', 128_000, 16_384, 'I', 0.15, 0.6, 0.075],
  ['o3', 'o3', 200_000, 100_000, 'IR', 2, 8, 0.5],
  ['o3-mini', 'o3-mini', 200_000, 100_000, 'R', 1.1, 4.4, 0.55],
  ['o4-mini', 'o4-mini', 200_000, 100_000, 'IR', 1.1, 4.4, 0.275],
];

/** OpenAI's current chat models with limits, capabilities and prices. */
export const openaiCatalog: readonly Model[] = rows.map(
  ([id, name, contextWindow, maxOutputTokens, features, input, output, cachedInput]) =>
    catalogModel('openai', {
      id,
      name,
      contextWindow,
      maxOutputTokens,
      images: features.includes('I'),
      reasoning: features.includes('R'),
      promptCache: true,
      pricing: { input, output, cachedInput },
    }),
);

/** Ids in `GET /v1/models` that are chat models (not embeddings, speech, images or moderation). */
export const isOpenAIChatModel = (id: string): boolean =>
  /^(gpt-|o\d|chatgpt-)/.test(id) &&
  !/(embedding|tts|transcribe|whisper|realtime|audio|image|moderation|search|instruct)/.test(id);
