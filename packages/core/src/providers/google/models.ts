import type { Model, ModelCapabilities } from '../../spec/index.js';
import type { GeminiModelEntry } from './wire.js';

const thinking: ModelCapabilities = {
  supportsTools: true,
  supportsImages: true,
  supportsReasoning: true,
  supportsStreaming: true,
  supportsPromptCache: true,
};
const noThinking: ModelCapabilities = { ...thinking, supportsReasoning: false };

const model = (
  id: string,
  name: string,
  maxOutputTokens: number,
  capabilities: ModelCapabilities,
  pricing: Model['pricing'],
): Model => ({
  id,
  name,
  provider: 'google',
  contextWindow: 1_048_576,
  maxOutputTokens,
  capabilities,
  ...(pricing !== undefined ? { pricing } : {}),
});

/**
 * Gemini models ThinkBackCode knows. Prices are US dollars per million tokens from Google's
 * price list (https://ai.google.dev/gemini-api/docs/pricing, paid tier, prompts up to 200k
 * tokens, text/image input); output prices include thinking tokens. Gemini bills cache storage
 * per hour rather than per written token, so there is no `cacheWrite` price.
 */
export const GOOGLE_CATALOG: readonly Model[] = [
  model('gemini-2.5-pro', 'Gemini 2.5 Pro', 65_536, thinking, {
    input: 1.25,
    output: 10,
    cachedInput: 0.125,
  }),
  model('gemini-2.5-flash', 'Gemini 2.5 Flash', 65_536, thinking, {
    input: 0.3,
    output: 2.5,
    cachedInput: 0.03,
  }),
  model('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 65_536, thinking, {
    input: 0.1,
    output: 0.4,
    cachedInput: 0.01,
  }),
  model('gemini-2.0-flash', 'Gemini 2.0 Flash', 8192, noThinking, {
    input: 0.1,
    output: 0.4,
    cachedInput: 0.025,
  }),
  model('gemini-3-pro-preview', 'Gemini 3 Pro Preview', 65_536, thinking, {
    input: 2,
    output: 12,
    cachedInput: 0.2,
  }),
  model('gemini-3-flash-preview', 'Gemini 3 Flash Preview', 65_536, thinking, {
    input: 0.5,
    output: 3,
    cachedInput: 0.05,
  }),
];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `GET /v1beta/models` (`{models:[{name:'models/…', displayName, inputTokenLimit,
 * outputTokenLimit, supportedGenerationMethods, thinking}]}`) → models that support
 * `generateContent`, ids without the `models/` prefix.
 */
export function parseGeminiModels(body: unknown, providerName: string): Model[] {
  const entries = isObject(body) && Array.isArray(body.models) ? body.models : [];
  return entries
    .filter((entry): entry is GeminiModelEntry => isObject(entry) && typeof entry.name === 'string')
    .filter((entry) => entry.supportedGenerationMethods?.includes('generateContent') === true)
    .map((entry) => {
      const id = entry.name.startsWith('models/') ? entry.name.slice('models/'.length) : entry.name;
      return {
        id,
        name: entry.displayName ?? id,
        provider: providerName,
        contextWindow: entry.inputTokenLimit ?? 0,
        maxOutputTokens: entry.outputTokenLimit ?? 0,
        capabilities: entry.thinking === true ? thinking : noThinking,
      };
    });
}
