import { createAdapter } from '../../adapter/create-adapter.js';
import type { AIProvider, OpenAIConfig } from '../../spec/index.js';
import {
  bearerHeaders,
  createOpenAICompatibleDefinition,
} from '../openai-compatible/definition.js';
import { isOpenAIChatModel, openaiCatalog } from './models.js';
import { openaiRequestQuirks } from './request.js';

export { isOpenAIChatModel, openaiCatalog } from './models.js';
export { isOpenAIReasoningModel } from './request.js';

/** `Authorization: Bearer`, plus `OpenAI-Organization` / `OpenAI-Project` when configured. */
export function openaiHeaders(config: OpenAIConfig): Record<string, string> {
  const headers = bearerHeaders(config);
  if (config.organization) headers['openai-organization'] = config.organization;
  if (config.project) headers['openai-project'] = config.project;
  return headers;
}

/** OpenAI Chat Completions (`https://api.openai.com/v1`). */
export const openaiDefinition = createOpenAICompatibleDefinition<OpenAIConfig>({
  type: 'openai',
  defaultBaseUrl: 'https://api.openai.com/v1',
  requiresApiKey: true,
  catalog: openaiCatalog,
  capabilities: { promptCaching: true },
  headers: openaiHeaders,
  quirks: openaiRequestQuirks,
  includeModel: isOpenAIChatModel,
});

/** An OpenAI provider. Throws a typed `APIError` when the config has no key. */
export function createOpenAIProvider(config: OpenAIConfig): AIProvider {
  return createAdapter(openaiDefinition, config);
}
