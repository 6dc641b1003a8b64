import { createAdapter } from '../../adapter/create-adapter.js';
import type { AIProvider, LocalConfig } from '../../spec/index.js';
import { createOpenAICompatibleDefinition } from '../openai-compatible/definition.js';

/** LM Studio lists embedding models beside chat models in `/v1/models`. */
const isChatModel = (id: string): boolean => !/embed/i.test(id);

/**
 * LM Studio's OpenAI-compatible server (`http://localhost:1234/v1`): no key needed (sent as
 * Bearer only when set), `max_tokens`, reasoning text in `reasoning_content`, no built-in catalog
 * since the models are whatever the user has downloaded.
 */
export const lmstudioDefinition = createOpenAICompatibleDefinition<LocalConfig>({
  type: 'lmstudio',
  defaultBaseUrl: 'http://localhost:1234/v1',
  requiresApiKey: false,
  quirks: { maxTokensField: 'max_tokens' },
  includeModel: isChatModel,
});

/** An LM Studio provider. */
export function createLMStudioProvider(config: LocalConfig): AIProvider {
  return createAdapter(lmstudioDefinition, config);
}
