import type { Simulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type AIProvider,
  accumulateChatStream,
  type ChatChunk,
  type ChatRequest,
  createDefaultRegistry,
  runToolLoop,
  type Tool,
} from '../src/index.js';
import { PROVIDER_KINDS } from './provider-kinds.js';

const tools: Tool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'get_time',
      description: 'Local time in a zone',
      parameters: { type: 'object', properties: { zone: { type: 'string' } }, required: ['zone'] },
    },
  },
];

const errorKinds = [
  ['auth', 'auth_failed', false],
  ['invalid_request', 'invalid_request', false],
  ['not_found', 'invalid_request', false],
  ['rate_limit', 'rate_limit', true],
  ['server', 'server_error', true],
  ['unavailable', 'server_error', true],
] as const;

describe.each(PROVIDER_KINDS)('$label through the registry', (kind) => {
  let simulator: Simulator;
  let provider: AIProvider;
  const ask = (text = 'Hello'): ChatRequest => ({
    model: kind.model,
    messages: [{ role: 'user', content: text }],
  });

  beforeAll(async () => {
    simulator = await kind.start();
    const registry = createDefaultRegistry();
    provider = await registry.registerProvider(kind.config(simulator));
    expect(registry.getProvider(kind.id)).toBe(provider);
  });
  afterAll(() => simulator.close());
  beforeEach(() => simulator.reset());

  it('answers without streaming, with exact usage', async () => {
    simulator.enqueue({ text: 'Hi there, friend.', usage: { inputTokens: 12, outputTokens: 5 } });
    const response = await provider.createChatCompletion(ask());
    expect(response.choices[0]?.message).toMatchObject({
      role: 'assistant',
      content: 'Hi there, friend.',
    });
    expect(response.choices[0]?.finishReason).toBe('stop');
    expect(response.usage).toMatchObject({
      promptTokens: 12,
      completionTokens: 5,
      totalTokens: 17,
    });
  });

  it('streams, and the accumulated stream equals the non-streaming response', async () => {
    const turn = {
      text: 'Streaming works fine.',
      usage: { inputTokens: 9, outputTokens: 4 },
      id: 'resp_fixed',
      created: 1_767_225_600,
    };
    simulator.enqueue(turn, turn);
    const plain = await provider.createChatCompletion(ask());
    const chunks: ChatChunk[] = [];
    for await (const chunk of provider.createChatCompletionStream(ask())) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.at(-1)?.usage).toEqual(plain.usage);
    async function* replay() {
      yield* chunks;
    }
    expect(await accumulateChatStream(replay())).toEqual(plain);
  });

  it.runIf(kind.tools)(
    'runs a parallel tool-call round trip continued with the results',
    async () => {
      simulator.enqueue(
        {
          toolCalls: [
            { name: 'get_weather', arguments: { city: 'Paris' } },
            { name: 'get_time', arguments: { zone: 'CET' } },
          ],
          usage: { inputTokens: 30, outputTokens: 20 },
        },
        { text: 'It is 21 degrees at noon.', usage: { inputTokens: 60, outputTokens: 8 } },
      );
      const before = simulator.requests.length;
      const result = await runToolLoop({
        provider,
        request: { ...ask('Weather and time in Paris?'), tools },
        context: {
          handlers: {
            get_weather: (args) => ({ city: (args as { city: string }).city, celsius: 21 }),
            get_time: () => ({ time: '12:00' }),
          },
        },
      });
      expect(result.steps).toBe(2);
      expect(result.response.choices[0]?.message.content).toBe('It is 21 degrees at noon.');
      const calls = result.messages[1]?.toolCalls ?? [];
      expect(
        calls.map((call) => [call.function.name, JSON.parse(call.function.arguments)]),
      ).toEqual([
        ['get_weather', { city: 'Paris' }],
        ['get_time', { zone: 'CET' }],
      ]);
      expect(new Set(calls.map((call) => call.id)).size).toBe(2);
      const continued = simulator.requests[before + 1]?.rawBody ?? '';
      expect(continued).toContain('Paris');
      expect(continued).toContain('12:00');
      expect(continued).toContain('21');
    },
  );

  it.runIf(kind.tools)(
    'streams parallel tool calls that accumulate to the non-streaming ones',
    async () => {
      const turn = {
        toolCalls: [
          { id: 'call_a1', name: 'get_weather', arguments: { city: 'Oslo' } },
          { id: 'call_b2', name: 'get_time', arguments: { zone: 'UTC' } },
        ],
        usage: { inputTokens: 10, outputTokens: 10 },
        id: 'resp_tools',
        created: 1_767_225_600,
      };
      simulator.enqueue(turn, turn);
      const request = { ...ask('Oslo?'), tools };
      const plain = await provider.createChatCompletion(request);
      const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
      expect(streamed).toEqual(plain);
      expect(plain.choices[0]?.finishReason).toBe('tool_calls');
      expect(plain.choices[0]?.message.toolCalls).toHaveLength(2);
    },
  );

  it.runIf(kind.reasoningText)('returns reasoning', async () => {
    const turn = {
      reasoning: 'Let me think about it.',
      text: 'Forty-two.',
      usage: { inputTokens: 5, outputTokens: 9 },
      id: 'r',
      created: 1_767_225_600,
    };
    simulator.enqueue(turn, turn);
    const request: ChatRequest = {
      ...ask('Meaning of life?'),
      reasoning: { effort: 'low' },
      maxTokens: 4000,
    };
    const plain = await provider.createChatCompletion(request);
    expect(plain.choices[0]?.message.reasoning).toBe('Let me think about it.');
    expect(plain.choices[0]?.message.content).toBe('Forty-two.');
    expect(await accumulateChatStream(provider.createChatCompletionStream(request))).toEqual(plain);
  });

  it.each(errorKinds)(
    'maps a %s error to %s (retryable: %s)',
    async (errorKind, type, retryable) => {
      simulator.enqueue({
        error: { kind: errorKind, ...(errorKind === 'rate_limit' ? { retryAfter: 3 } : {}) },
      });
      const error = await provider.createChatCompletion(ask()).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'APIError', type, retryable });
      if (errorKind === 'rate_limit') expect(error).toMatchObject({ retryAfter: 3 });
      expect(JSON.stringify(error)).not.toContain(simulator.apiKey);
    },
  );

  it('rejects a wrong key as auth_failed without echoing it', async () => {
    const registry = createDefaultRegistry();
    const wrongKey = 'sk-wrong-0123456789abcdef-canary';
    const wrong = await registry.registerProvider(kind.config(simulator, wrongKey));
    const error = await wrong.createChatCompletion(ask()).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'APIError', type: 'auth_failed', retryable: false });
    const text = `${(error as Error).message} ${(error as Error).stack} ${JSON.stringify(error)}`;
    expect(text).not.toContain(wrongKey);
  });

  it('cancels the upstream request when aborted mid-stream', async () => {
    simulator.enqueue({ text: 'x'.repeat(400), chunkSize: 4, chunkDelayMs: 5 });
    const controller = new AbortController();
    const before = simulator.requests.length;
    let received = 0;
    const error = await (async () => {
      for await (const _chunk of provider.createChatCompletionStream({
        ...ask(),
        signal: controller.signal,
      })) {
        if (++received === 3) controller.abort();
      }
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: 'aborted' });
    await expect.poll(() => simulator.requests[before]?.aborted).toBe(true);
  });

  it('reports cumulative usage', async () => {
    const stats = await provider.getUsage();
    expect(stats.requests).toBeGreaterThan(5);
    expect(stats.failedRequests).toBeGreaterThan(0);
    expect(stats.promptTokens).toBeGreaterThan(0);
  });
});
