import type { RequestQuirks } from '../openai-compatible/request.js';
import { openaiCatalog } from './models.js';

/**
 * OpenAI's reasoning models (o-series, gpt-5 except `-chat`): from the catalog when known, else
 * by name so dated snapshots (`o3-mini-2025-01-31`) are recognised.
 */
export function isOpenAIReasoningModel(model: string): boolean {
  const known = openaiCatalog.find((entry) => entry.id === model);
  if (known) return known.capabilities.supportsReasoning;
  return /^(o\d|gpt-5)/.test(model) && !model.includes('-chat');
}

/**
 * OpenAI's request rules: `max_completion_tokens` (reasoning models reject `max_tokens`);
 * reasoning models accept only the default temperature/top_p, so those are left out; other
 * models reject `reasoning_effort`; o-series models know no `minimal` effort (sent as `low`).
 */
export const openaiRequestQuirks: RequestQuirks = {
  maxTokensField: 'max_completion_tokens',
  adjustBody: (body) => {
    const adjusted = { ...body };
    if (isOpenAIReasoningModel(body.model)) {
      delete adjusted.temperature;
      delete adjusted.top_p;
      if (adjusted.reasoning_effort === 'minimal' && /^o\d/.test(body.model))
        adjusted.reasoning_effort = 'low';
    } else {
      delete adjusted.reasoning_effort;
    }
    return adjusted;
  },
};
