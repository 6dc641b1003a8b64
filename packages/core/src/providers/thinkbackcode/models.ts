import type { Model } from '../../spec/index.js';
import { catalogModel } from '../openai-compatible/models.js';

/** id, name, context window, max output, features, input / output / cached-input / cache-write price. */
type Row = [string, string, number, number, string, number, number, number, number?];

// The gateway is bring-your-own-key, so a call costs the upstream vendor's list price (US dollars
// per million tokens), checked 2026-11. Features: I = image input, R = reasoning, C = prompt cache.
const rows: Row[] = [
  ['openai/gpt-4.1', 'GPT-4.1', 1_047_576, 32_768, 'IC', 2, 8, 0.5],
  ['openai/gpt-4.1-mini', 'GPT-4.1 mini', 1_047_576, 32_768, 'IC', 0.4, 1.6, 0.1],
  ['openai/gpt-5-mini', 'GPT-5 mini', 400_000, 128_000, 'IRC', 0.25, 2, 0.025],
  ['anthropic/claude-sonnet-4-5', 'Claude Sonnet 4.5', 200_000, 64_000, 'IRC', 3, 15, 0.3, 3.75],
  ['anthropic/claude-haiku-4-5', 'Claude Haiku 4.5', 200_000, 64_000, 'IRC', 1, 5, 0.1, 1.25],
  ['google/gemini-2.5-flash', 'Gemini 2.5 Flash', 1_048_576, 65_536, 'IRC', 0.3, 2.5, 0.03],
  ['google/gemini-2.5-pro', 'Gemini 2.5 Pro', 1_048_576, 65_536, 'IRC', 1.25, 10, 0.125],
];

/** `provider/model` ids the gateway serves, with the upstream limits and prices. */
export const thinkbackcodeCatalog: readonly Model[] = rows.map(
  ([id, name, contextWindow, maxOutputTokens, features, input, output, cachedInput, cacheWrite]) =>
    catalogModel('thinkbackcode', {
      id,
      name: `${name} (via ThinkBackCode)`,
      contextWindow,
      maxOutputTokens,
      images: features.includes('I'),
      reasoning: features.includes('R'),
      promptCache: features.includes('C'),
      pricing:
        cacheWrite === undefined
          ? { input, output, cachedInput }
          : { input, output, cachedInput, cacheWrite },
    }),
);
