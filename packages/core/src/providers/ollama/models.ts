import type { Model, ModelCapabilities } from '../../spec/index.js';
import type { OllamaTagsResponse } from './wire.js';

const FREE = { input: 0, output: 0 } as const;

function entry(
  id: string,
  name: string,
  contextWindow: number,
  capabilities: Partial<ModelCapabilities>,
): Model {
  return {
    id,
    name,
    provider: 'ollama',
    contextWindow,
    // Ollama generates until the context is full unless `num_predict` is set.
    maxOutputTokens: contextWindow,
    capabilities: {
      supportsTools: false,
      supportsImages: false,
      supportsReasoning: false,
      supportsStreaming: true,
      ...capabilities,
    },
    pricing: FREE,
  };
}

/**
 * Common models of the Ollama library (ollama.com/library), as their default tags. Local
 * inference costs nothing per token, so every price is 0. Context windows are the models'
 * trained windows; Ollama itself loads a smaller one unless `numCtx` asks for more.
 */
export const OLLAMA_CATALOG: readonly Model[] = [
  entry('llama3.1:8b', 'Llama 3.1 8B', 131_072, { supportsTools: true }),
  entry('llama3.2', 'Llama 3.2 3B', 131_072, { supportsTools: true }),
  entry('qwen2.5-coder', 'Qwen2.5 Coder 7B', 32_768, { supportsTools: true }),
  entry('qwen3', 'Qwen3 8B', 40_960, { supportsTools: true, supportsReasoning: true }),
  entry('gpt-oss:20b', 'gpt-oss 20B', 131_072, { supportsTools: true, supportsReasoning: true }),
  entry('deepseek-r1', 'DeepSeek-R1 8B', 131_072, { supportsTools: true, supportsReasoning: true }),
  entry('gemma3', 'Gemma 3 4B', 131_072, { supportsImages: true }),
];

/**
 * `GET /api/tags` → models. `name:latest` is listed as `name` (Ollama treats them as one), so
 * installed library models meet their catalog entry. Capabilities of unknown models are not in
 * the list; they are reported conservatively (streaming only).
 */
export function parseOllamaTags(body: unknown, providerName: string): Model[] {
  const models = (body as OllamaTagsResponse | null)?.models;
  if (!Array.isArray(models)) return [];
  return models.flatMap((model) => {
    const tag = model.name ?? model.model;
    if (typeof tag !== 'string' || tag === '') return [];
    const id = tag.endsWith(':latest') ? tag.slice(0, -':latest'.length) : tag;
    const size = model.details?.parameter_size;
    const family = model.details?.family;
    const facts = [family, size].filter((fact) => typeof fact === 'string' && fact !== '');
    return [
      {
        id,
        name: facts.length > 0 ? `${id} (${facts.join(', ')})` : id,
        provider: providerName,
        contextWindow: 0,
        maxOutputTokens: 0,
        capabilities: {
          supportsTools: false,
          supportsImages: false,
          supportsReasoning: false,
          supportsStreaming: true,
        },
        pricing: FREE,
      },
    ];
  });
}
