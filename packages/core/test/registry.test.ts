import { startAnthropicSimulator, startOpenAISimulator } from '@thinkbackcode/testing';
import { describe, expect, it } from 'vitest';
import { APIError, createDefaultRegistry, type ProviderConfig } from '../src/index.js';

const captured = async (promise: Promise<unknown>): Promise<APIError> => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!APIError.isInstance(error)) throw new Error(`expected an APIError, got ${String(error)}`);
  return error;
};

describe('ProviderRegistry', () => {
  it('stores providers under provider, custom name or explicit id', async () => {
    const registry = createDefaultRegistry();
    const openai = await registry.registerProvider({
      provider: 'openai',
      apiKey: 'sk-test-1234567890abcdef',
    });
    const work = await registry.registerProvider({
      provider: 'openai',
      id: 'openai-work',
      apiKey: 'sk-test-abcdef1234567890',
    });
    const local = await registry.registerProvider({
      provider: 'custom',
      name: 'local-vllm',
      requestFormat: 'openai',
      baseUrl: 'http://127.0.0.1:8000/v1',
    });
    expect(registry.getProvider('openai')).toBe(openai);
    expect(registry.getProvider('openai-work')).toBe(work);
    expect(registry.getProvider('local-vllm')).toBe(local);
    expect([openai.name, work.name, local.name]).toEqual(['openai', 'openai-work', 'local-vllm']);
    expect(registry.listProviders()).toEqual([openai, work, local]);
    expect(await registry.unregisterProvider('openai-work')).toBe(true);
    expect(await registry.unregisterProvider('openai-work')).toBe(false);
    expect(registry.getProvider('openai-work')).toBeUndefined();
    expect(() => registry.requireProvider('nope')).toThrow(
      expect.objectContaining({ code: 'unknown_provider' }),
    );
  });

  it('replaces a provider registered again under the same id', async () => {
    const registry = createDefaultRegistry();
    const first = await registry.registerProvider({ provider: 'ollama' });
    const second = await registry.registerProvider({
      provider: 'ollama',
      baseUrl: 'http://127.0.0.1:11435',
    });
    expect(first).not.toBe(second);
    expect(registry.listProviders()).toEqual([second]);
  });

  it.each<[string, unknown, string, string]>([
    [
      'an unknown provider',
      { provider: 'bedrock', apiKey: 'x' },
      'invalid_request',
      'unknown_provider',
    ],
    ['a missing key', { provider: 'anthropic' }, 'auth_failed', 'missing_api_key'],
    ['an empty key', { provider: 'google', apiKey: '  ' }, 'auth_failed', 'missing_api_key'],
    [
      'a bad base URL',
      { provider: 'openai', apiKey: 'sk-x', baseUrl: 'localhost:8080' },
      'invalid_request',
      'invalid_base_url',
    ],
    [
      'a non-http base URL',
      { provider: 'ollama', baseUrl: 'file:///etc/passwd' },
      'invalid_request',
      'invalid_base_url',
    ],
    [
      'credentials in the base URL',
      { provider: 'lmstudio', baseUrl: 'http://user:secret@127.0.0.1:1234/v1' },
      'invalid_request',
      'invalid_base_url',
    ],
    [
      'a custom provider without a name',
      { provider: 'custom', requestFormat: 'openai', baseUrl: 'http://127.0.0.1:1' },
      'invalid_request',
      'invalid_config',
    ],
    [
      'an unknown requestFormat',
      { provider: 'custom', name: 'x', requestFormat: 'grpc', baseUrl: 'http://127.0.0.1:1' },
      'invalid_request',
      'invalid_config',
    ],
    [
      'a custom mapping without paths',
      {
        provider: 'custom',
        name: 'x',
        requestFormat: 'custom',
        baseUrl: 'http://127.0.0.1:1',
        mapping: { requestTemplate: {} },
      },
      'invalid_request',
      'invalid_mapping',
    ],
  ])('rejects %s with a typed error', async (_label, config, type, code) => {
    const error = await captured(
      createDefaultRegistry().registerProvider(config as ProviderConfig),
    );
    expect(error).toMatchObject({ type, code });
    expect(error.message.length).toBeGreaterThan(10);
    expect(error.message).not.toContain('secret');
  });

  it('rejects a malformed tool schema before anything is sent', async () => {
    const simulator = await startOpenAISimulator();
    try {
      const provider = await createDefaultRegistry().registerProvider({
        provider: 'openai',
        apiKey: simulator.apiKey,
        baseUrl: simulator.baseUrl,
      });
      const error = await captured(
        provider.createChatCompletion({
          model: 'gpt-4.1',
          messages: [{ role: 'user', content: 'hi' }],
          tools: [
            { type: 'function', function: { name: 'search', parameters: { type: 'array' } } },
          ],
        }),
      );
      expect(error).toMatchObject({ type: 'invalid_request', code: 'invalid_tool_schema' });
      expect(error.message).toContain('search');
      expect(simulator.requests).toHaveLength(0);
    } finally {
      await simulator.close();
    }
  });

  it('turns non-JSON tool arguments from a model into an error result, and refuses to replay them to a vendor that needs objects', async () => {
    const simulator = await startAnthropicSimulator();
    try {
      const provider = await createDefaultRegistry().registerProvider({
        provider: 'anthropic',
        apiKey: simulator.apiKey,
        baseUrl: simulator.baseUrl,
      });
      const call = {
        id: 'toolu_01',
        type: 'function' as const,
        function: { name: 'search', arguments: '{"q": "unterminated' },
      };
      const result = await provider.executeToolCall(call, { handlers: { search: () => 'never' } });
      expect(result).toMatchObject({ isError: true, toolCallId: 'toolu_01' });
      expect(result.content).toContain('not valid JSON');
      const error = await captured(
        provider.createChatCompletion({
          model: 'claude-haiku-4-5',
          messages: [
            { role: 'user', content: 'search' },
            { role: 'assistant', content: null, toolCalls: [call] },
            { role: 'tool', toolCallId: 'toolu_01', content: result.content, isError: true },
          ],
        }),
      );
      expect(error).toMatchObject({ type: 'invalid_request' });
      expect(simulator.requests).toHaveLength(0);
    } finally {
      await simulator.close();
    }
  });
});
