import { APIError, APIErrorType } from '../errors/index.js';
import type { ProviderConfig } from '../spec/index.js';
import type { ProviderDefinition } from './definition.js';

/**
 * Applies defaults and checks a config before any call: a key where the vendor needs one,
 * an absolute http(s) base URL. Errors are typed and name the problem, never the key.
 */
export function resolveConfig<C extends ProviderConfig>(
  definition: ProviderDefinition<C>,
  config: C,
): C {
  const provider = config.id ?? definition.type;
  if (
    config.provider !== definition.type &&
    !(definition.type === 'custom' || config.provider === 'custom')
  ) {
    throw new APIError(
      `A "${config.provider}" config cannot configure the "${definition.type}" adapter`,
      {
        type: APIErrorType.INVALID_REQUEST,
        provider,
        code: 'invalid_config',
      },
    );
  }
  if (
    definition.requiresApiKey &&
    (typeof config.apiKey !== 'string' || config.apiKey.trim() === '')
  ) {
    throw new APIError(`No API key is configured for provider "${provider}"`, {
      type: APIErrorType.AUTH_FAILED,
      provider,
      code: 'missing_api_key',
    });
  }
  const baseUrl = (config.baseUrl ?? definition.defaultBaseUrl).replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new APIError(`The base URL of provider "${provider}" is not a valid URL`, {
      type: APIErrorType.INVALID_REQUEST,
      provider,
      code: 'invalid_base_url',
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new APIError(
      `The base URL of provider "${provider}" must use http or https, not ${parsed.protocol}`,
      {
        type: APIErrorType.INVALID_REQUEST,
        provider,
        code: 'invalid_base_url',
      },
    );
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw new APIError(`The base URL of provider "${provider}" must not contain credentials`, {
      type: APIErrorType.INVALID_REQUEST,
      provider,
      code: 'invalid_base_url',
    });
  }
  return { ...config, baseUrl };
}
