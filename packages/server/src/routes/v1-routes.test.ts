import { type AIProvider, APIError, APIErrorType, type ProviderConfig } from '@thinkbackcode/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/helpers/gateway.js';

/** A server-held key with no vendor key shape: only the verbatim redaction can catch it. */
const heldKey = 'plainheldvalue0123456789ABCDEF';

/** An adapter whose calls fail with a message quoting the key it was given. */
function leakingProvider(config: ProviderConfig): AIProvider {
  const fail = () =>
    new APIError(`upstream says: the credential ${config.apiKey} was refused`, {
      type: APIErrorType.AUTH_FAILED,
      provider: 'custom',
      status: 401,
    });
  const provider: Partial<AIProvider> = {
    authenticate: async () => {},
    listModels: async () => [],
    createChatCompletion: async () => {
      throw fail();
    },
    createChatCompletionStream: () => ({
      [Symbol.asyncIterator]: () => ({
        next: async () => {
          throw fail();
        },
      }),
    }),
  };
  return provider as AIProvider;
}

let gateway: TestGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('/v1/chat/completions errors', () => {
  it('never repeats the server-held key an adapter error quotes', async () => {
    gateway = await createTestGateway(
      'http://127.0.0.1:9',
      {},
      { providerFactory: leakingProvider },
    );
    await gateway.context.configStorage.saveProviderConfig({
      id: 'work',
      provider: 'custom',
      apiKey: heldKey,
      baseUrl: 'https://llm.example.com/v1',
    });
    const { key } = gateway.context.gatewayKeys.create({ name: 'k' });
    for (const stream of [false, true]) {
      const response = await gateway.app.request('/v1/chat/completions', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'work/some-model',
          stream,
          messages: [{ role: 'user', content: 'hi' }],
        }),
      });
      const text = await response.text();
      expect(response.status).toBe(401);
      expect(text).toContain('was refused');
      expect(text).not.toContain(heldKey);
    }
  });
});
