import {
  type ScriptedErrorKind,
  type Simulator,
  startAnthropicSimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { AIProvider, ChatChunk, ChatRequest, Message, Tool } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createAnthropicProvider } from './index.js';

let simulator: Simulator;
let provider: AIProvider;
beforeAll(async () => {
  simulator = await startAnthropicSimulator();
  provider = createAnthropicProvider({
    provider: 'anthropic',
    apiKey: simulator.apiKey,
    baseUrl: simulator.baseUrl,
  });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const model = 'claude-haiku-4-5';
const hello: ChatRequest = { model, messages: [{ role: 'user', content: 'Hello' }] };
const tool = (name: string): Tool => ({
  type: 'function',
  function: {
    name,
    description: `The ${name}`,
    parameters: { type: 'object', properties: { city: { type: 'string' } } },
  },
});
const tools = [tool('weather'), tool('clock')];

async function collect(stream: AsyncIterable<ChatChunk>): Promise<ChatChunk[]> {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
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

describe('Anthropic adapter against the simulator', () => {
  it('answers without streaming: text, id, model, finish and usage with cache counts', async () => {
    simulator.enqueue({
      id: 'msg_fixed',
      text: 'Hi!',
      usage: { inputTokens: 10, outputTokens: 3, cachedTokens: 100, cacheWriteTokens: 20 },
    });
    const response = await provider.createChatCompletion({
      ...hello,
      messages: [{ role: 'system', content: 'Be brief.' }, ...hello.messages],
      temperature: 0.3,
      stop: ['END'],
      user: 'user-1',
    });
    expect(response).toEqual({
      id: 'msg_fixed',
      model,
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' }, finishReason: 'stop' }],
      usage: {
        promptTokens: 130,
        completionTokens: 3,
        totalTokens: 133,
        cachedTokens: 100,
        cacheWriteTokens: 20,
      },
    });
    const received = simulator.requests[0]!;
    expect(received.url).toBe('/v1/messages');
    expect(received.headers['x-api-key']).toBe(simulator.apiKey);
    expect(received.headers['anthropic-version']).toBe('2023-06-01');
    expect(received.body).toEqual({
      model,
      max_tokens: 64_000,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }],
      system: 'Be brief.',
      temperature: 0.3,
      stop_sequences: ['END'],
      metadata: { user_id: 'user-1' },
      stream: false,
    });
  });

  it('streams text pieces, then one chunk with finish and usage', async () => {
    simulator.enqueue({
      id: 'msg_s',
      text: 'Hello there',
      chunkSize: 5,
      usage: { inputTokens: 4, outputTokens: 2 },
    });
    const chunks = await collect(provider.createChatCompletionStream(hello));
    expect(chunks.map((chunk) => chunk.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: 'Hello' },
      { content: ' ther' },
      { content: 'e' },
      {},
    ]);
    expect(chunks.at(-1)).toEqual({
      id: 'msg_s',
      model,
      choices: [{ index: 0, delta: {}, finishReason: 'stop' }],
      usage: { promptTokens: 4, completionTokens: 2, totalTokens: 6 },
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === undefined)).toBe(true);
  });

  it('accumulates a stream into exactly the non-streaming response (thinking, text, parallel calls)', async () => {
    const turn = {
      id: 'msg_same',
      reasoning: 'The user wants weather and time.',
      signature: 'sig-fixed',
      text: 'Let me check.',
      toolCalls: [
        { id: 'toolu_1', name: 'weather', arguments: { city: 'Berlin' } },
        { id: 'toolu_2', name: 'clock', arguments: {} },
      ],
      chunkSize: 6,
      usage: { inputTokens: 50, outputTokens: 20, reasoningTokens: 8, cachedTokens: 5 },
    };
    simulator.enqueue(turn, turn);
    const request: ChatRequest = { ...hello, tools, reasoning: { effort: 'low' } };
    const plain = await provider.createChatCompletion(request);
    const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
    expect(streamed).toEqual(plain);
    expect(plain.choices[0]).toEqual({
      index: 0,
      finishReason: 'tool_calls',
      message: {
        role: 'assistant',
        content: 'Let me check.',
        reasoning: 'The user wants weather and time.',
        reasoningDetails: [
          {
            type: 'text',
            text: 'The user wants weather and time.',
            signature: 'sig-fixed',
            source: 'anthropic',
          },
        ],
        toolCalls: [
          {
            id: 'toolu_1',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
          { id: 'toolu_2', type: 'function', function: { name: 'clock', arguments: '{}' } },
        ],
      },
    });
    expect(plain.usage).toEqual({
      promptTokens: 55,
      completionTokens: 28,
      totalTokens: 83,
      cachedTokens: 5,
      reasoningTokens: 8,
    });
    expect(simulator.requests[0]!.body).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 1024 },
      max_tokens: 64_000,
    });
  });

  it('continues a parallel tool round trip with thinking replayed verbatim and tool results', async () => {
    simulator.enqueue({
      reasoning: 'Two tools at once.',
      toolCalls: [
        { id: 'toolu_a', name: 'weather', arguments: { city: 'Oslo' } },
        { id: 'toolu_b', name: 'clock', arguments: {} },
      ],
    });
    const request: ChatRequest = {
      ...hello,
      tools,
      reasoning: { budgetTokens: 2000 },
      maxTokens: 1000,
    };
    const first = await accumulateChatStream(provider.createChatCompletionStream(request));
    const assistant = first.choices[0]!.message;
    simulator.enqueue({ text: 'Sunny at noon.' });
    const messages: Message[] = [
      ...hello.messages,
      {
        role: 'assistant',
        content: assistant.content,
        toolCalls: assistant.toolCalls!,
        reasoningDetails: assistant.reasoningDetails!,
      },
      { role: 'tool', toolCallId: 'toolu_a', content: 'sunny' },
      { role: 'tool', toolCallId: 'toolu_b', content: 'clock broke', isError: true },
    ];
    const second = await provider.createChatCompletion({ ...request, messages });
    expect(second.choices[0]!.message.content).toBe('Sunny at noon.');
    const body = simulator.requests[1]!.body as { messages: unknown[]; max_tokens: number };
    expect(body.max_tokens).toBe(3000);
    expect(body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          {
            type: 'thinking',
            thinking: 'Two tools at once.',
            signature:
              assistant.reasoningDetails![0]!.type === 'text'
                ? assistant.reasoningDetails![0]!.signature
                : '',
          },
          { type: 'tool_use', id: 'toolu_a', name: 'weather', input: { city: 'Oslo' } },
          { type: 'tool_use', id: 'toolu_b', name: 'clock', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_a', content: 'sunny' },
          { type: 'tool_result', tool_use_id: 'toolu_b', content: 'clock broke', is_error: true },
        ],
      },
    ]);
  });

  it('drops foreign reasoning, leaves thinking off for a foreign tool turn, and sanitises foreign ids', async () => {
    simulator.enqueue({ text: 'ok' });
    await provider.createChatCompletion({
      ...hello,
      tools,
      reasoning: { effort: 'low' },
      messages: [
        ...hello.messages,
        {
          role: 'assistant',
          content: null,
          reasoningDetails: [
            { type: 'text', text: 'gemini thought', signature: 'g', source: 'google' },
          ],
          toolCalls: [
            { id: 'call:1/x', type: 'function', function: { name: 'clock', arguments: '{}' } },
          ],
        },
        { role: 'tool', toolCallId: 'call:1/x', content: 'noon' },
      ],
    });
    const body = simulator.requests[0]!.body as Record<string, unknown>;
    expect(body.thinking).toBeUndefined();
    expect(body.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hello' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'call_1_x', name: 'clock', input: {} }],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: 'call_1_x', content: 'noon' }],
      },
    ]);
  });

  it('sends images, cache breakpoints, betas and the browser-access header', async () => {
    const browser = createAnthropicProvider({
      provider: 'anthropic',
      apiKey: simulator.apiKey,
      baseUrl: simulator.baseUrl,
      betas: ['a-1', 'b-2'],
      allowBrowserAccess: true,
    });
    simulator.enqueue({ text: 'A cat.' });
    await browser.createChatCompletion({
      model,
      tools: [{ ...tools[0]!, cacheControl: { type: 'ephemeral' } }],
      messages: [
        {
          role: 'system',
          content: [
            { type: 'text', text: 'Long rules', cacheControl: { type: 'ephemeral', ttl: '1h' } },
          ],
        },
        {
          role: 'user',
          cacheControl: { type: 'ephemeral' },
          content: [
            {
              type: 'image',
              source: { type: 'base64', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
            },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    const received = simulator.requests[0]!;
    expect(received.headers['anthropic-beta']).toBe('a-1,b-2');
    expect(received.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    const body = received.body as Record<string, unknown>;
    expect(body.system).toEqual([
      { type: 'text', text: 'Long rules', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ]);
    expect((body.tools as unknown[])[0]).toMatchObject({
      name: 'weather',
      cache_control: { type: 'ephemeral' },
    });
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          {
            type: 'image',
            source: { type: 'base64', media_type: 'image/png', data: 'iVBORw0KGgo=' },
          },
          { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
          { type: 'text', text: 'What is this?', cache_control: { type: 'ephemeral' } },
        ],
      },
    ]);
  });

  const kinds: Array<[ScriptedErrorKind, APIErrorType, number, boolean]> = [
    ['auth', APIErrorType.AUTH_FAILED, 401, false],
    ['permission', APIErrorType.AUTH_FAILED, 403, false],
    ['not_found', APIErrorType.INVALID_REQUEST, 404, false],
    ['invalid_request', APIErrorType.INVALID_REQUEST, 400, false],
    ['context_length', APIErrorType.INVALID_REQUEST, 400, false],
    ['rate_limit', APIErrorType.RATE_LIMIT, 429, true],
    ['quota', APIErrorType.QUOTA_EXCEEDED, 402, false],
    ['server', APIErrorType.SERVER_ERROR, 500, true],
    ['overloaded', APIErrorType.SERVER_ERROR, 529, true],
    ['unavailable', APIErrorType.SERVER_ERROR, 503, true],
    ['timeout', APIErrorType.TIMEOUT, 504, true],
  ];
  it.each(kinds)(
    'maps the %s error to %s (status %i, retryable %s)',
    async (kind, type, status, retryable) => {
      simulator.enqueue({ error: { kind, retryAfter: 30 } });
      const error = await failure(provider.createChatCompletion(hello));
      expect(error).toMatchObject({
        type,
        status,
        retryable,
        retryAfter: 30,
        provider: 'anthropic',
      });
      expect(error.code).toBeDefined();
      expect(error.requestId).toMatch(/^req_/);
      expect(error.message).not.toContain(simulator.apiKey);
    },
  );

  it('follows x-should-retry: a 429 without retry-after is not retryable, as the API says', async () => {
    simulator.enqueue({ error: { kind: 'rate_limit' } });
    const error = await failure(provider.createChatCompletion(hello));
    expect(error).toMatchObject({
      type: APIErrorType.RATE_LIMIT,
      retryable: false,
      code: 'rate_limit_error',
    });
  });

  it('rejects a wrong key with auth_failed and never shows the key', async () => {
    const stranger = createAnthropicProvider({
      provider: 'anthropic',
      apiKey: 'sk-ant-wrong-key-123456',
      baseUrl: simulator.baseUrl,
    });
    const error = await failure(stranger.createChatCompletion(hello));
    expect(error).toMatchObject({
      type: APIErrorType.AUTH_FAILED,
      status: 401,
      message: 'invalid x-api-key',
    });
    expect(await stranger.validateCredentials()).toBe(false);
    expect(await provider.validateCredentials()).toBe(true);
  });

  it('errors an in-stream overloaded event after the text that arrived, as a retryable server error', async () => {
    simulator.enqueue({
      text: 'partial text',
      chunkSize: 4,
      streamError: { afterEvents: 5, kind: 'overloaded' },
    });
    const chunks: ChatChunk[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of provider.createChatCompletionStream(hello)) chunks.push(chunk);
      })(),
    );
    expect(chunks.map((chunk) => chunk.choices[0]!.delta.content)).toEqual(['part', 'ial ']);
    expect(error).toMatchObject({
      type: APIErrorType.SERVER_ERROR,
      retryable: true,
      code: 'overloaded_error',
    });
  });

  it('reports a connection dropped mid-stream as a network error after what arrived', async () => {
    // Paced, and cut after content_block_stop: chunks still queued in the engine's pipe when the
    // connection errors are discarded by web-stream error propagation (reported to the lead).
    simulator.enqueue({ text: 'abcdefgh', chunkSize: 4, dropAfterEvents: 6, chunkDelayMs: 15 });
    const chunks: ChatChunk[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of provider.createChatCompletionStream(hello)) chunks.push(chunk);
      })(),
    );
    expect(chunks.map((chunk) => chunk.choices[0]!.delta.content)).toEqual(['abcd', 'efgh']);
    expect(error.type).toBe(APIErrorType.NETWORK_ERROR);
  });

  it('gets no thinking when reasoning was not asked for', async () => {
    simulator.enqueue({ reasoning: 'hidden', text: 'Plain.' });
    const response = await provider.createChatCompletion(hello);
    expect(response.choices[0]!.message).toEqual({ role: 'assistant', content: 'Plain.' });
    expect(simulator.requests[0]!.body).not.toHaveProperty('thinking');
  });

  it('aborts the upstream request when the caller aborts mid-stream', async () => {
    simulator.enqueue({ text: 'a fairly long answer for pacing', chunkSize: 2, chunkDelayMs: 20 });
    const controller = new AbortController();
    const error = await failure(
      (async () => {
        for await (const chunk of provider.createChatCompletionStream({
          ...hello,
          signal: controller.signal,
        })) {
          if (chunk.choices[0]!.delta.content) controller.abort();
        }
      })(),
    );
    expect(error.type).toBe(APIErrorType.ABORTED);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(simulator.requests[0]!.aborted).toBe(true);
  });

  it('refuses non-JSON tool arguments before sending anything', async () => {
    const error = await failure(
      provider.createChatCompletion({
        ...hello,
        tools,
        messages: [
          ...hello.messages,
          {
            role: 'assistant',
            content: null,
            toolCalls: [
              { id: 't1', type: 'function', function: { name: 'clock', arguments: '{oops' } },
            ],
          },
          { role: 'tool', toolCallId: 't1', content: 'noon' },
        ],
      }),
    );
    expect(error).toMatchObject({
      type: APIErrorType.INVALID_REQUEST,
      code: 'invalid_tool_arguments',
    });
    expect(simulator.requests).toHaveLength(0);
  });

  it('lists models merged with the catalog under their aliases', async () => {
    const models = await provider.listModels();
    const haiku = models.find((entry) => entry.id === 'claude-haiku-4-5');
    expect(haiku).toMatchObject({
      inCatalog: true,
      contextWindow: 200_000,
      pricing: { input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 },
    });
    expect(models).toHaveLength(7);
    expect(simulator.requests[0]!.url).toBe('/v1/models?limit=1000');
  });
});
