import {
  type ScriptedErrorKind,
  type Simulator,
  startGeminiSimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIError } from '../../errors/index.js';
import type { AIProvider, ChatChunk, ChatRequest, Message, Tool } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createGoogleProvider } from './index.js';

let simulator: Simulator;
let provider: AIProvider;

beforeAll(async () => {
  simulator = await startGeminiSimulator({ apiKey: 'AIzaSimulatorKey000000000000000000' });
  provider = createGoogleProvider({
    provider: 'google',
    apiKey: simulator.apiKey,
    baseUrl: simulator.origin,
  });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const ask = (content: string, model = 'gemini-2.5-flash'): ChatRequest => ({
  model,
  messages: [{ role: 'user', content }],
});

const weatherTool: Tool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Current weather',
    parameters: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        city: { type: 'string' },
        units: { type: ['string', 'null'], default: 'metric' },
      },
      required: ['city'],
      additionalProperties: false,
    },
  },
};
const timeTool: Tool = {
  type: 'function',
  function: {
    name: 'time',
    parameters: { type: 'object', properties: { zone: { type: 'string' } } },
  },
};

async function collect(request: ChatRequest): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of provider.createChatCompletionStream(request)) chunks.push(chunk);
  return chunks;
}

async function failure(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (APIError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an APIError');
}

describe('Gemini adapter against the simulator', () => {
  it('answers text with exact usage, sending the key only in x-goog-api-key', async () => {
    simulator.enqueue({
      text: 'Hello there.',
      id: 'resp-1',
      usage: { inputTokens: 20, cachedTokens: 5, outputTokens: 4, reasoningTokens: 11 },
    });
    const response = await provider.createChatCompletion(ask('Hi'));
    expect(response).toEqual({
      id: 'resp-1',
      model: 'gemini-2.5-flash',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello there.' }, finishReason: 'stop' },
      ],
      usage: {
        promptTokens: 25,
        completionTokens: 15,
        totalTokens: 40,
        cachedTokens: 5,
        reasoningTokens: 11,
      },
    });
    const received = simulator.requests[0]!;
    expect(received.url).toBe('/v1beta/models/gemini-2.5-flash:generateContent');
    expect(received.url).not.toContain(simulator.apiKey);
    expect(received.headers['x-goog-api-key']).toBe(simulator.apiKey);
  });

  it('streams text and reasoning, and the accumulated stream equals the non-streaming answer', async () => {
    const turn = {
      text: 'The answer is 4.',
      reasoning: 'Two plus two.',
      chunkSize: 5,
      id: 'resp-2',
      usage: { inputTokens: 13, outputTokens: 6, reasoningTokens: 9 },
    };
    simulator.enqueue(turn, turn);
    const request: ChatRequest = {
      ...ask('2+2?', 'gemini-3-flash-preview'),
      reasoning: { budgetTokens: 1024 },
    };
    const whole = await provider.createChatCompletion(request);
    const chunks = await collect(request);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.reasoning ?? '').join('')).toBe(
      'Two plus two.',
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(
      'The answer is 4.',
    );
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === undefined)).toBe(true);
    const last = chunks.at(-1)!;
    expect(last.usage).toEqual({
      promptTokens: 13,
      completionTokens: 15,
      totalTokens: 28,
      reasoningTokens: 9,
    });
    expect(last.choices[0]?.finishReason).toBe('stop');
    expect(
      await accumulateChatStream(
        (async function* () {
          yield* chunks;
        })(),
      ),
    ).toEqual(whole);
    expect(whole.choices[0]?.message.reasoning).toBe('Two plus two.');
    // Gemini 3 signs the text answer: kept as a Google reasoning detail for replay.
    expect(whole.choices[0]?.message.reasoningDetails).toEqual([
      { type: 'text', text: 'Two plus two.', source: 'google', signature: expect.any(String) },
    ]);
    expect(simulator.requests[0]?.body).toMatchObject({
      generationConfig: { thinkingConfig: { thinkingBudget: 1024, includeThoughts: true } },
    });
  });

  it('runs a parallel tool-call round trip on Gemini 3 with the signatures replayed', async () => {
    const calls = [
      { name: 'weather', arguments: { city: 'Berlin' } },
      { name: 'time', arguments: { zone: 'Europe/Berlin' } },
    ];
    simulator.enqueue({ toolCalls: calls, id: 'resp-3' }, { toolCalls: calls, id: 'resp-3' });
    const request: ChatRequest = {
      ...ask('Weather and time in Berlin?', 'gemini-3-pro-preview'),
      tools: [weatherTool, timeTool],
    };
    const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
    const whole = await provider.createChatCompletion(request);
    expect(streamed).toEqual(whole);
    const message = whole.choices[0]!.message;
    expect(whole.choices[0]?.finishReason).toBe('tool_calls');
    expect(message.content).toBeNull();
    expect(message.toolCalls?.map((call) => [call.function.name, call.function.arguments])).toEqual(
      [
        ['weather', '{"city":"Berlin"}'],
        ['time', '{"zone":"Europe/Berlin"}'],
      ],
    );
    expect(message.toolCalls?.[0]).toMatchObject({
      signatureSource: 'google',
      signature: expect.any(String),
    });
    expect(message.toolCalls?.[1]?.signature).toBeUndefined();
    expect(new Set(message.toolCalls?.map((call) => call.id)).size).toBe(2);
    // The declared schema reached Gemini reduced to what it accepts.
    expect((simulator.requests[0]!.body as { tools: unknown }).tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'weather',
            description: 'Current weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' }, units: { type: 'string', nullable: true } },
              required: ['city'],
            },
          },
          {
            name: 'time',
            parameters: { type: 'object', properties: { zone: { type: 'string' } } },
          },
        ],
      },
    ]);

    simulator.enqueue({ text: 'Sunny, 10:00.' });
    const followUp: Message[] = [
      ...request.messages,
      { role: 'assistant', content: null, toolCalls: message.toolCalls! },
      { role: 'tool', toolCallId: message.toolCalls![0]!.id, content: '{"sky":"sunny"}' },
      { role: 'tool', toolCallId: message.toolCalls![1]!.id, content: '10:00' },
    ];
    const answer = await provider.createChatCompletion({ ...request, messages: followUp });
    expect(answer.choices[0]?.message.content).toBe('Sunny, 10:00.');
    expect((simulator.requests[2]!.body as { contents: unknown[] }).contents.slice(1)).toEqual([
      {
        role: 'model',
        parts: [
          {
            functionCall: { name: 'weather', args: { city: 'Berlin' } },
            thoughtSignature: message.toolCalls![0]!.signature,
          },
          { functionCall: { name: 'time', args: { zone: 'Europe/Berlin' } } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'weather', response: { result: { sky: 'sunny' } } } },
          { functionResponse: { name: 'time', response: { result: '10:00' } } },
        ],
      },
    ]);
  });

  it('continues a conversation whose tool calls came from another vendor (Gemini 3 accepts it)', async () => {
    simulator.enqueue({ text: 'Done.' });
    const messages: Message[] = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: null,
        toolCalls: [
          {
            id: 'toolu_01',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_01', content: 'snow' },
    ];
    const response = await provider.createChatCompletion({
      model: 'gemini-3-pro-preview',
      messages,
      tools: [weatherTool],
    });
    expect(response.choices[0]?.message.content).toBe('Done.');
  });

  it('gives the same call a different id in a different turn', async () => {
    const turn = { toolCalls: [{ name: 'weather', arguments: { city: 'Rome' } }] };
    simulator.enqueue(turn, turn);
    const first = await provider.createChatCompletion({ ...ask('Rome?'), tools: [weatherTool] });
    const second = await provider.createChatCompletion({
      model: 'gemini-2.5-flash',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Rome?' },
      ],
      tools: [weatherTool],
    });
    expect(first.choices[0]?.message.toolCalls?.[0]?.id).not.toBe(
      second.choices[0]?.message.toolCalls?.[0]?.id,
    );
  });

  it('maps MAX_TOKENS to length', async () => {
    simulator.enqueue({ text: 'Cut', finishReason: 'length' });
    expect((await provider.createChatCompletion(ask('Long story'))).choices[0]?.finishReason).toBe(
      'length',
    );
  });

  const expected: Record<ScriptedErrorKind, { type: string; status: number; retryable: boolean }> =
    {
      auth: { type: 'auth_failed', status: 400, retryable: false },
      permission: { type: 'auth_failed', status: 403, retryable: false },
      not_found: { type: 'invalid_request', status: 404, retryable: false },
      invalid_request: { type: 'invalid_request', status: 400, retryable: false },
      context_length: { type: 'invalid_request', status: 400, retryable: false },
      rate_limit: { type: 'rate_limit', status: 429, retryable: true },
      quota: { type: 'quota_exceeded', status: 429, retryable: false },
      server: { type: 'server_error', status: 500, retryable: true },
      overloaded: { type: 'server_error', status: 503, retryable: true },
      unavailable: { type: 'server_error', status: 503, retryable: true },
      timeout: { type: 'timeout', status: 504, retryable: true },
    };
  for (const [kind, want] of Object.entries(expected) as [
    ScriptedErrorKind,
    (typeof expected)[ScriptedErrorKind],
  ][]) {
    it(`types a ${kind} error as ${want.type}`, async () => {
      simulator.enqueue({ error: { kind } });
      const error = await failure(provider.createChatCompletion(ask('Hi')));
      expect(error).toMatchObject({ ...want, provider: 'google' });
      expect(error.message).not.toContain(simulator.apiKey);
    });
  }

  it('reads retryAfter from RetryInfo.retryDelay, streaming or not', async () => {
    simulator.enqueue(
      { error: { kind: 'rate_limit', retryAfter: 48 } },
      { error: { kind: 'rate_limit', retryAfter: 3 } },
    );
    expect(await failure(provider.createChatCompletion(ask('Hi')))).toMatchObject({
      type: 'rate_limit',
      retryAfter: 48,
    });
    expect(await failure(collect(ask('Hi')))).toMatchObject({ type: 'rate_limit', retryAfter: 3 });
  });

  it('rejects a wrong key as auth_failed and validateCredentials says false', async () => {
    const wrong = createGoogleProvider({
      provider: 'google',
      apiKey: 'AIzaWrongKey0000000000000000000000',
      baseUrl: simulator.origin,
    });
    const error = await failure(wrong.createChatCompletion(ask('Hi')));
    expect(error).toMatchObject({ type: 'auth_failed', code: 'API_KEY_INVALID' });
    expect(error.message).not.toContain('AIzaWrongKey');
    expect(await wrong.validateCredentials()).toBe(false);
    expect(await provider.validateCredentials()).toBe(true);
  });

  it('surfaces an in-stream error after the chunks that arrived', async () => {
    simulator.enqueue({
      text: 'Partial answer',
      chunkSize: 4,
      streamError: { afterEvents: 2, kind: 'overloaded' },
    });
    const seen: string[] = [];
    const consume = async () => {
      for await (const chunk of provider.createChatCompletionStream(ask('Hi')))
        seen.push(chunk.choices[0]?.delta.content ?? '');
    };
    expect(await failure(consume())).toMatchObject({
      type: 'server_error',
      status: 503,
      retryable: true,
    });
    expect(seen.join('')).toBe('Partial ');
  });

  it('fails with a network error when the connection drops mid-stream', async () => {
    simulator.enqueue({ text: 'Partial answer', chunkSize: 4, dropAfterEvents: 2 });
    expect(await failure(collect(ask('Hi')))).toMatchObject({ type: 'network_error' });
  });

  it('cancels the upstream request on abort', async () => {
    simulator.enqueue({ text: 'A slowly streamed answer.', chunkSize: 2, chunkDelayMs: 25 });
    const controller = new AbortController();
    const consume = async () => {
      for await (const _chunk of provider.createChatCompletionStream({
        ...ask('Hi'),
        signal: controller.signal,
      })) {
        controller.abort();
      }
    };
    expect(await failure(consume())).toMatchObject({ type: 'aborted' });
    await expect.poll(() => simulator.requests[0]?.aborted).toBe(true);
  });

  it('lists generateContent models merged with the catalog', async () => {
    const models = await provider.listModels();
    const ids = models.map((model) => model.id);
    expect(ids).toContain('gemini-3-pro-preview');
    expect(ids).not.toContain('gemini-embedding-001');
    expect(models.find((model) => model.id === 'gemini-2.5-flash')).toMatchObject({
      inCatalog: true,
      contextWindow: 1_048_576,
      pricing: { input: 0.3, output: 2.5 },
    });
    expect(models.find((model) => model.id === 'gemini-2.0-flash-lite')).toMatchObject({
      inCatalog: false,
      maxOutputTokens: 8192,
      capabilities: { supportsReasoning: false },
    });
    expect(simulator.requests.at(-1)?.url).not.toContain('key=');
  });

  it('rejects invalid input with a typed error before sending', async () => {
    const error = await failure(
      provider.createChatCompletion({
        model: 'gemini-2.5-flash',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/x' } }],
          },
        ],
      }),
    );
    expect(error).toMatchObject({ type: 'invalid_request', code: 'unknown_image_type' });
    expect(simulator.requests).toHaveLength(0);
  });
});
