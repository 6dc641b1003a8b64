import { createAdapter } from '../../adapter/create-adapter.js';
import type { ProviderDefinition } from '../../adapter/definition.js';
import type { AIProvider, GoogleConfig } from '../../spec/index.js';
import { parseGeminiError } from './errors.js';
import { GOOGLE_CATALOG, parseGeminiModels } from './models.js';
import { buildGeminiRequest } from './request.js';
import { parseGeminiResponse } from './response.js';
import { createGeminiStreamTransformer } from './stream.js';

/**
 * The Gemini API (Generative Language) adapter definition. The key travels only in the
 * `x-goog-api-key` header, never in the `?key=` query, so it stays out of URLs and logs. The base
 * URL is the API origin; the version (`apiVersion`, default `v1beta`) is part of each chat path.
 */
export const googleDefinition: ProviderDefinition<GoogleConfig> = {
  type: 'google',
  capabilities: {
    streaming: true,
    tools: true,
    images: true,
    reasoning: true,
    promptCaching: true,
    modelListing: true,
  },
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',
  requiresApiKey: true,
  catalog: GOOGLE_CATALOG,
  headers: (config) => ({ 'x-goog-api-key': config.apiKey }),
  buildChatRequest: buildGeminiRequest,
  parseChatResponse: parseGeminiResponse,
  streamFraming: 'sse',
  createStreamTransformer: createGeminiStreamTransformer,
  parseError: (body, status) => parseGeminiError(body, status),
  models: {
    // The definition's model path is fixed; listing uses v1beta whatever `apiVersion` says.
    path: '/v1beta/models?pageSize=1000',
    parse: parseGeminiModels,
  },
};

/** Creates a Gemini provider (`provider: 'google'`). */
export function createGoogleProvider(config: GoogleConfig): AIProvider {
  return createAdapter(googleDefinition, config);
}

export { GOOGLE_CATALOG } from './models.js';
export { FOREIGN_CALL_SIGNATURE } from './request.js';
export { toGeminiSchema } from './schema.js';
