import { createAdapter } from '../../adapter/create-adapter.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { AIProvider, ThinkBackCodeConfig } from '../../spec/index.js';
import { createOpenAICompatibleDefinition } from '../openai-compatible/definition.js';
import { thinkbackcodeCatalog } from './models.js';

export { thinkbackcodeCatalog } from './models.js';

/**
 * ThinkBackCode's gateway: OpenAI-compatible `/v1` (default `http://127.0.0.1:8787/v1`) with a
 * `tbc_…` key as Bearer, serving `provider/model` ids.
 */
export const thinkbackcodeDefinition = createOpenAICompatibleDefinition<ThinkBackCodeConfig>({
  type: 'thinkbackcode',
  defaultBaseUrl: 'http://127.0.0.1:8787/v1',
  requiresApiKey: true,
  catalog: thinkbackcodeCatalog,
  capabilities: { promptCaching: true },
  quirks: { maxTokensField: 'max_completion_tokens' },
});

/** A ThinkBackCode gateway provider. Throws `auth_failed` when the key is not a `tbc_…` key. */
export function createThinkBackCodeProvider(config: ThinkBackCodeConfig): AIProvider {
  if (
    typeof config.apiKey === 'string' &&
    config.apiKey !== '' &&
    !config.apiKey.startsWith('tbc_')
  ) {
    throw new APIError('A ThinkBackCode gateway key starts with "tbc_"', {
      type: APIErrorType.AUTH_FAILED,
      provider: config.id ?? 'thinkbackcode',
      code: 'invalid_api_key_format',
    });
  }
  return createAdapter(thinkbackcodeDefinition, config);
}
