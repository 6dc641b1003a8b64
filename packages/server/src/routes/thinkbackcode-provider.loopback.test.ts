import {
  accumulateChatStream,
  createDefaultRegistry,
  runToolLoop,
  type Tool,
} from '@thinkbackcode/core';
import { type Simulator, startAnthropicSimulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../test/helpers/gateway.js';
import { defaultServerConfig } from '../config/server-config.js';
import { type RunningServer, startServer } from '../start-server.js';

const tools: Tool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
];

describe("the core's thinkbackcode provider against the real gateway /v1", () => {
  let anthropic: Simulator;
  let running: RunningServer;
  let gatewayKey: string;

  beforeAll(async () => {
    anthropic = await startAnthropicSimulator();
    running = await startServer({
      config: {
        ...defaultServerConfig(),
        port: 0,
        dataDir: ':memory:',
        adminToken: TEST_ADMIN_TOKEN,
        logRequests: false,
      },
    });
    await running.gateway.context.configStorage.saveProviderConfig({
      provider: 'anthropic',
      id: 'anthropic',
      apiKey: anthropic.apiKey,
      baseUrl: anthropic.baseUrl,
    });
    running.gateway.context.providersChanged?.();
    gatewayKey = running.gateway.context.gatewayKeys.create({ name: 'core' }).key;
  });
  afterAll(async () => {
    await running.close(100);
    await anthropic.close();
  });

  it('streams, calls tools and reports usage through the gateway', async () => {
    const provider = await createDefaultRegistry().registerProvider({
      provider: 'thinkbackcode',
      apiKey: gatewayKey,
      baseUrl: `${running.url}/v1`,
    });
    const models = await provider.listModels();
    expect(models.map((model) => model.id)).toContain('anthropic/claude-haiku-4-5');

    const turn = { text: 'Through the gateway.', usage: { inputTokens: 14, outputTokens: 6 } };
    anthropic.enqueue(turn, turn);
    const request = {
      model: 'anthropic/claude-haiku-4-5',
      messages: [{ role: 'user' as const, content: 'hi' }],
    };
    const plain = await provider.createChatCompletion(request);
    expect(plain.choices[0]?.message.content).toBe('Through the gateway.');
    expect(plain.usage).toMatchObject({ promptTokens: 14, completionTokens: 6, totalTokens: 20 });
    const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
    expect(streamed.choices).toEqual(plain.choices);
    expect(streamed.usage).toEqual(plain.usage);

    anthropic.enqueue(
      { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] },
      { text: 'Sunny in Paris.' },
    );
    const loop = await runToolLoop({
      provider,
      request: { ...request, messages: [{ role: 'user', content: 'Weather in Paris?' }], tools },
      context: { handlers: { get_weather: () => ({ sky: 'sunny' }) } },
    });
    expect(loop.steps).toBe(2);
    expect(loop.response.choices[0]?.message.content).toBe('Sunny in Paris.');
    expect(anthropic.requests.at(-1)?.rawBody).toContain('sunny');
  });

  it('maps gateway refusals to typed errors', async () => {
    const wrong = await createDefaultRegistry().registerProvider({
      provider: 'thinkbackcode',
      apiKey: 'tbc_not_a_real_key_000000',
      baseUrl: `${running.url}/v1`,
    });
    await expect(
      wrong.createChatCompletion({
        model: 'anthropic/claude-haiku-4-5',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ type: 'auth_failed', status: 401 });
  });
});
