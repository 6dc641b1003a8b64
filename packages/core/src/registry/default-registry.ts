import { createAdapter } from '../adapter/create-adapter.js';
import type { ProviderDefinition } from '../adapter/definition.js';
import { APIError, APIErrorType } from '../errors/index.js';
import { anthropicDefinition } from '../providers/anthropic/index.js';
import { createCustomProvider } from '../providers/custom/index.js';
import { googleDefinition } from '../providers/google/index.js';
import { lmstudioDefinition } from '../providers/lmstudio/index.js';
import { ollamaDefinition } from '../providers/ollama/index.js';
import { openaiDefinition } from '../providers/openai/index.js';
import { createCustomOpenAIProvider } from '../providers/openai-compatible/index.js';
import { thinkbackcodeDefinition } from '../providers/thinkbackcode/index.js';
import type {
  AIProvider,
  AnthropicConfig,
  CustomConfig,
  GoogleConfig,
  LocalConfig,
  OpenAIConfig,
  ProviderConfig,
  ProviderType,
  ThinkBackCodeConfig,
} from '../spec/index.js';
import { type ProviderFactory, ProviderRegistry } from './provider-registry.js';

/** A `custom` endpoint that speaks the Anthropic Messages API (a proxy, a compatible vendor). */
function createCustomAnthropicProvider(config: CustomConfig): AIProvider {
  const definition = {
    ...anthropicDefinition,
    type: 'custom',
    requiresApiKey: false,
    catalog: (config.models ?? []).map((id) => ({
      id,
      name: id,
      provider: config.name,
      contextWindow: 0,
      maxOutputTokens: 0,
      capabilities: {
        supportsTools: true,
        supportsImages: true,
        supportsReasoning: true,
        supportsStreaming: true,
      },
    })),
    headers: (current: CustomConfig) => {
      const headers: Record<string, string> = { 'anthropic-version': '2023-06-01' };
      if (current.apiKey) {
        const header = (current.authHeader ?? 'x-api-key').toLowerCase();
        headers[header] = header === 'authorization' ? `Bearer ${current.apiKey}` : current.apiKey;
      }
      return headers;
    },
  } as unknown as ProviderDefinition<CustomConfig>;
  return createAdapter(definition, config);
}

/** `custom` providers pick their adapter by `requestFormat`. */
const customFormats: Record<CustomConfig['requestFormat'], (config: CustomConfig) => AIProvider> = {
  openai: createCustomOpenAIProvider,
  anthropic: createCustomAnthropicProvider,
  custom: createCustomProvider,
};

const as =
  <C extends ProviderConfig>(create: (config: C) => AIProvider): ProviderFactory =>
  (config) =>
    create(config as C);

/** The built-in factory table: the one place that knows which adapter serves which kind. */
export const DEFAULT_PROVIDER_FACTORIES: Readonly<Record<ProviderType, ProviderFactory>> = {
  openai: as<OpenAIConfig>((config) => createAdapter(openaiDefinition, config)),
  anthropic: as<AnthropicConfig>((config) => createAdapter(anthropicDefinition, config)),
  google: as<GoogleConfig>((config) => createAdapter(googleDefinition, config)),
  ollama: as<LocalConfig>((config) => createAdapter(ollamaDefinition, config)),
  lmstudio: as<LocalConfig>((config) => createAdapter(lmstudioDefinition, config)),
  thinkbackcode: as<ThinkBackCodeConfig>((config) =>
    createAdapter(thinkbackcodeDefinition, config),
  ),
  custom: as<CustomConfig>((config) => {
    const create = customFormats[config.requestFormat];
    if (create === undefined) {
      throw new APIError(
        `Custom provider "${config.name}" has requestFormat "${String(config.requestFormat)}"; use openai, anthropic or custom`,
        { type: APIErrorType.INVALID_REQUEST, provider: config.name, code: 'invalid_config' },
      );
    }
    return create(config);
  }),
};

/** Creates a provider from a config without registering it. */
export function createProvider(config: ProviderConfig): AIProvider {
  return new ProviderRegistry(DEFAULT_PROVIDER_FACTORIES).createProvider(config);
}

/** A registry with every built-in provider kind. */
export function createDefaultRegistry(): ProviderRegistry {
  return new ProviderRegistry(DEFAULT_PROVIDER_FACTORIES);
}
