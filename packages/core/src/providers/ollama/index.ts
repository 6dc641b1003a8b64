import { createAdapter } from '../../adapter/create-adapter.js';
import type { ProviderDefinition } from '../../adapter/definition.js';
import type { AIProvider, LocalConfig } from '../../spec/index.js';
import { parseOllamaError } from './errors.js';
import { OLLAMA_CATALOG, parseOllamaTags } from './models.js';
import { buildOllamaRequest } from './request.js';
import { parseOllamaResponse } from './response.js';
import { createOllamaStreamTransformer } from './stream.js';

/** Where a local Ollama listens by default. */
export const OLLAMA_DEFAULT_BASE_URL = 'http://localhost:11434';

/**
 * Ollama's native API (`/api/chat`, NDJSON streams, `/api/tags`). No key is needed for a local
 * server; when `apiKey` is set (ollama.com, or a server behind an authenticating proxy) it is
 * sent as `Authorization: Bearer`.
 */
export const ollamaDefinition: ProviderDefinition<LocalConfig> = {
  type: 'ollama',
  capabilities: {
    streaming: true,
    tools: true,
    images: true,
    reasoning: true,
    promptCaching: false,
    modelListing: true,
  },
  defaultBaseUrl: OLLAMA_DEFAULT_BASE_URL,
  requiresApiKey: false,
  catalog: OLLAMA_CATALOG,
  headers: (config) => (config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}),
  buildChatRequest: buildOllamaRequest,
  parseChatResponse: parseOllamaResponse,
  streamFraming: 'ndjson',
  createStreamTransformer: createOllamaStreamTransformer,
  parseError: parseOllamaError,
  models: { path: '/api/tags', parse: parseOllamaTags },
};

/** An `AIProvider` for an Ollama server. */
export function createOllamaProvider(config: LocalConfig): AIProvider {
  return createAdapter(ollamaDefinition, config);
}
