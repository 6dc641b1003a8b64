import type { ProviderDefinition } from '../../adapter/definition.js';
import type { AIProvider, CustomConfig, ProviderCapabilities } from '../../spec/index.js';
import { errorMessageIn } from './errors.js';
import { compileMapping } from './mapping.js';
import { customCatalog } from './models.js';
import { CustomProvider } from './provider.js';
import { buildCustomRequest } from './request.js';
import { parseCustomResponse } from './response.js';
import { createCustomStreamTransformer } from './stream.js';
import { placeholdersIn } from './template.js';

export { CustomProvider } from './provider.js';

/** What the mapping lets the endpoint do: tools need `{{tools}}` and a tool-call path, images `{{messages}}`. */
export function customCapabilities(config: CustomConfig): ProviderCapabilities {
  const mapping = compileMapping(config);
  const used = placeholdersIn(mapping.template);
  return {
    streaming: true,
    tools: used.has('tools') && mapping.response.toolCalls !== undefined,
    images: used.has('messages'),
    reasoning: false,
    promptCaching: false,
    modelListing: false,
  };
}

/** The key header: `Authorization: Bearer <key>` by default, or the raw key in `authHeader`. */
function authHeaders(config: CustomConfig): Record<string, string> {
  if (!config.apiKey) return {};
  const name = config.authHeader ?? 'authorization';
  return {
    [name]: name.toLowerCase() === 'authorization' ? `Bearer ${config.apiKey}` : config.apiKey,
  };
}

/** A definition plus the switch that points it at a new config (after `authenticate`). */
export interface CustomBinding {
  definition: ProviderDefinition<CustomConfig>;
  /** Validates `config`'s mapping and makes it the one framing, capabilities and errors follow. */
  use(config: CustomConfig): void;
}

/** Builds the definition for a config whose framing and catalog follow later `use` calls. */
export function bindCustomDefinition(initial: CustomConfig): CustomBinding {
  compileMapping(initial);
  let current = initial;
  const definition: ProviderDefinition<CustomConfig> = {
    type: 'custom',
    get capabilities() {
      return customCapabilities(current);
    },
    defaultBaseUrl: initial.baseUrl,
    requiresApiKey: false,
    get catalog() {
      return customCatalog(current, customCapabilities(current));
    },
    headers: authHeaders,
    buildChatRequest: buildCustomRequest,
    parseChatResponse: parseCustomResponse,
    get streamFraming() {
      return compileMapping(current).stream?.format ?? 'ndjson';
    },
    createStreamTransformer: createCustomStreamTransformer,
    parseError: (body, status) => ({
      message: errorMessageIn(body, compileMapping(current).errorMessage) ?? `HTTP ${status}`,
    }),
    // Custom endpoints have no list route: the models are `config.models` (the catalog).
    models: { path: '', parse: () => [] },
  };
  return {
    definition,
    use: (config) => {
      compileMapping(config);
      current = config;
    },
  };
}

/**
 * The declarative adapter for `requestFormat: 'custom'` (see `CustomMapping`). Throws an
 * `invalid_request` APIError naming the bad mapping field.
 */
export function createCustomDefinition(config: CustomConfig): ProviderDefinition<CustomConfig> {
  return bindCustomDefinition(config).definition;
}

/** An `AIProvider` for a custom endpoint described by `config.mapping`. */
export function createCustomProvider(config: CustomConfig): AIProvider {
  return new CustomProvider(bindCustomDefinition(config), config);
}
