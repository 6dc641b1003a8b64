import {
  type ScriptedErrorKind,
  type Simulator,
  startOpenAISimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { AIProvider, ChatRequest, Message, OpenAIConfig } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createOpenAIProvider } from './index.js';

const KEY = 'sk-proj-simulatorKey0123456789abcdef';
let simulator: Simulator;
let provider: AIProvider;
const config = (): OpenAIConfig => ({
  provider: 'openai',
  apiKey: KEY,
  baseUrl: simulator.baseUrl,
});

beforeAll(async () => {
  simulator = await startOpenAISimulator({ apiKey: KEY });
  provider = createOpenAIProvider(config());
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const ask = (content: string, extra: Partial<ChatRequest> = {}): ChatRequest => ({
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content }],
  ...extra,
});
const lastBody = () => simulator.requests.at(-1)?.body as Record<string, unknown>;

const tools: ChatRequest['tools'] = [
  {
    type: 'function',
    function: {
      name: 'weather',
      parameters: { type: 'object', properties: { city: { type: 'string' } } },
    },
  },
  { type: 'function', function: { name: 'time', parameters: { type: 'object' } } },
];

describe('OpenAI adapter against the simulator', () => {
  it('answers without streaming, with usage exactly', async () => {
    simulator.enqueue({
      text: 'Hello there.',
      id: 'chatcmpl-fixed',
      usage: { inputTokens: 90, cachedTokens: 10, outputTokens: 5 },
    });
    const response = await provider.createChatCompletion(ask('hi'));
    expect(response).toEqual({
      id: 'chatcmpl-fixed',
      model: 'gpt-4.1-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello there.' }, finishReason: 'stop' },
      ],
      usage: { promptTokens: 100, completionTokens: 5, totalTokens: 105, cachedTokens: 10 },
    });
    expect(simulator.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(lastBody()).toEqual({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('streams, and the accumulated stream equals the non-streaming response', async () => {
    const turn = {
      text: 'One, two, three, four.',
      id: 'chatcmpl-same',
      chunkSize: 3,
      usage: { inputTokens: 12, outputTokens: 7, reasoningTokens: 30 },
    };
    simulator.enqueue(turn, turn);
    const plain = await provider.createChatCompletion(ask('count', { model: 'o4-mini' }));
    const streamed = await accumulateChatStream(
      provider.createChatCompletionStream(ask('count', { model: 'o4-mini' })),
    );
    expect(streamed).toEqual(plain);
    expect(plain.usage).toEqual({
      promptTokens: 12,
      completionTokens: 37,
      totalTokens: 49,
      reasoningTokens: 30,
    });
    expect(lastBody()).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('streams deltas as they arrive and ends with one chunk carrying finish and usage', async () => {
    simulator.enqueue({
      text: 'abcdef',
      chunkSize: 2,
      id: 'chatcmpl-s',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
    const chunks = [];
    for await (const chunk of provider.createChatCompletionStream(ask('x'))) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0])).toEqual([
      { index: 0, delta: { role: 'assistant' } },
      { index: 0, delta: { content: 'ab' } },
      { index: 0, delta: { content: 'cd' } },
      { index: 0, delta: { content: 'ef' } },
      { index: 0, delta: {}, finishReason: 'stop' },
    ]);
    expect(chunks.filter((chunk) => chunk.usage)).toHaveLength(1);
    expect(chunks.at(-1)?.usage).toEqual({ promptTokens: 3, completionTokens: 2, totalTokens: 5 });
  });

  it('runs a parallel tool-call round trip and sends the results back as the API wants', async () => {
    const calls = [
      { id: 'call_weatherAAAAAAAAAAAAAAAAAAA', name: 'weather', arguments: { city: 'Berlin' } },
      { id: 'call_timeBBBBBBBBBBBBBBBBBBBBBB', name: 'time', arguments: {} },
    ];
    simulator.enqueue(
      { toolCalls: calls, chunkSize: 4 },
      { toolCalls: calls },
      { text: 'Sunny, 12:00.' },
    );
    const request = ask('weather and time in Berlin?', {
      tools,
      toolChoice: 'auto',
      parallelToolCalls: true,
    });
    const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
    const plain = await provider.createChatCompletion(request);
    expect(streamed.choices).toEqual(plain.choices);
    const message = plain.choices[0]?.message;
    expect(plain.choices[0]?.finishReason).toBe('tool_calls');
    expect(message?.content).toBeNull();
    expect(message?.toolCalls).toEqual([
      {
        id: 'call_weatherAAAAAAAAAAAAAAAAAAA',
        type: 'function',
        function: { name: 'weather', arguments: '{"city":"Berlin"}' },
      },
      {
        id: 'call_timeBBBBBBBBBBBBBBBBBBBBBB',
        type: 'function',
        function: { name: 'time', arguments: '{}' },
      },
    ]);
    const followUp: Message[] = [
      ...request.messages,
      { role: 'assistant', content: null, toolCalls: message?.toolCalls ?? [] },
      { role: 'tool', toolCallId: 'call_timeBBBBBBBBBBBBBBBBBBBBBB', content: '12:00' },
      { role: 'tool', toolCallId: 'call_weatherAAAAAAAAAAAAAAAAAAA', content: '{"sky":"sunny"}' },
    ];
    const final = await provider.createChatCompletion({ ...request, messages: followUp });
    expect(final.choices[0]?.message.content).toBe('Sunny, 12:00.');
    expect(lastBody().messages).toEqual([
      { role: 'user', content: 'weather and time in Berlin?' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_weatherAAAAAAAAAAAAAAAAAAA',
            type: 'function',
            function: { name: 'weather', arguments: '{"city":"Berlin"}' },
          },
          {
            id: 'call_timeBBBBBBBBBBBBBBBBBBBBBB',
            type: 'function',
            function: { name: 'time', arguments: '{}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'call_timeBBBBBBBBBBBBBBBBBBBBBB', content: '12:00' },
      { role: 'tool', tool_call_id: 'call_weatherAAAAAAAAAAAAAAAAAAA', content: '{"sky":"sunny"}' },
    ]);
    expect(lastBody()).toMatchObject({ tool_choice: 'auto', parallel_tool_calls: true });
  });

  it('replays a conversation from another vendor: ids pass, signatures and reasoning are dropped', async () => {
    simulator.enqueue({ text: 'ok' });
    const messages: Message[] = [
      { role: 'user', content: 'x' },
      {
        role: 'assistant',
        content: 'Let me check.',
        reasoning: 'thinking…',
        reasoningDetails: [
          { type: 'text', text: 'thinking…', signature: 'EqQBCkYIAxgCIkD', source: 'anthropic' },
        ],
        toolCalls: [
          {
            id: 'toolu_01A09q90qw90lq917835lq9',
            type: 'function',
            function: { name: 'time', arguments: '{}' },
            signature: 'CiQB',
            signatureSource: 'google',
          },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_01A09q90qw90lq917835lq9', content: '12:00' },
    ];
    await provider.createChatCompletion({ model: 'gpt-4.1', messages, tools });
    expect((lastBody().messages as unknown[])[1]).toEqual({
      role: 'assistant',
      content: 'Let me check.',
      tool_calls: [
        {
          id: 'toolu_01A09q90qw90lq917835lq9',
          type: 'function',
          function: { name: 'time', arguments: '{}' },
        },
      ],
    });
  });

  it('sends max_completion_tokens and reasoning_effort to reasoning models, without sampling parameters', async () => {
    simulator.enqueue({ text: 'a' }, { text: 'b' });
    await provider.createChatCompletion(
      ask('x', {
        model: 'o3',
        maxTokens: 50,
        temperature: 0.2,
        topP: 0.5,
        reasoning: { effort: 'minimal' },
      }),
    );
    expect(lastBody()).toEqual({
      model: 'o3',
      messages: [{ role: 'user', content: 'x' }],
      max_completion_tokens: 50,
      reasoning_effort: 'low',
    });
    await provider.createChatCompletion(
      ask('x', { model: 'gpt-4o', maxTokens: 50, temperature: 0.2, reasoning: { effort: 'high' } }),
    );
    expect(lastBody()).toEqual({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'x' }],
      max_completion_tokens: 50,
      temperature: 0.2,
    });
  });

  it('sends images as image_url parts', async () => {
    simulator.enqueue({ text: 'a cat' });
    await provider.createChatCompletion({
      model: 'gpt-4.1',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'what?' },
            {
              type: 'image',
              source: { type: 'base64', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
              detail: 'high',
            },
          ],
        },
      ],
    });
    expect((lastBody().messages as Array<{ content: unknown }>)[0]?.content).toEqual([
      { type: 'text', text: 'what?' },
      {
        type: 'image_url',
        image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'high' },
      },
    ]);
  });

  it('sends OpenAI-Organization and OpenAI-Project when configured', async () => {
    simulator.enqueue({ text: 'x' });
    const scoped = createOpenAIProvider({
      ...config(),
      organization: 'org-123',
      project: 'proj_456',
    });
    await scoped.createChatCompletion(ask('x'));
    expect(simulator.requests[0]?.headers['openai-organization']).toBe('org-123');
    expect(simulator.requests[0]?.headers['openai-project']).toBe('proj_456');
  });

  it('records rate-limit headers and lists chat models merged with the catalog', async () => {
    simulator.enqueue({ text: 'x' });
    await provider.createChatCompletion(ask('x'));
    expect(await provider.getRateLimit()).toMatchObject({
      requestsLimit: 500,
      tokensLimit: 200000,
    });
    const models = await provider.listModels();
    expect(models.map((model) => model.id)).not.toContain('text-embedding-3-small');
    expect(models.find((model) => model.id === 'gpt-5')).toMatchObject({
      inCatalog: true,
      contextWindow: 400_000,
      pricing: { input: 1.25, output: 10 },
    });
    expect(await provider.validateCredentials()).toBe(true);
  });

  const errorCases: Array<[ScriptedErrorKind, APIErrorType, boolean, number]> = [
    ['auth', APIErrorType.AUTH_FAILED, false, 401],
    ['permission', APIErrorType.AUTH_FAILED, false, 403],
    ['not_found', APIErrorType.INVALID_REQUEST, false, 404],
    ['invalid_request', APIErrorType.INVALID_REQUEST, false, 400],
    ['context_length', APIErrorType.INVALID_REQUEST, false, 400],
    ['rate_limit', APIErrorType.RATE_LIMIT, true, 429],
    ['quota', APIErrorType.QUOTA_EXCEEDED, false, 429],
    ['server', APIErrorType.SERVER_ERROR, true, 500],
    ['overloaded', APIErrorType.SERVER_ERROR, true, 503],
    ['unavailable', APIErrorType.SERVER_ERROR, true, 503],
    ['timeout', APIErrorType.TIMEOUT, true, 504],
  ];
  it.each(errorCases)(
    'maps the %s error to %s (retryable %s, status %i)',
    async (kind, type, retryable, status) => {
      simulator.enqueue({ error: { kind } }, { error: { kind } });
      for (const call of [
        () => provider.createChatCompletion(ask('x')),
        () => accumulateChatStream(provider.createChatCompletionStream(ask('x'))),
      ]) {
        const failure = await call().catch((error: unknown) => error);
        expect(APIError.isInstance(failure)).toBe(true);
        expect(failure).toMatchObject({ type, retryable, status, provider: 'openai' });
        expect((failure as APIError).requestId).toMatch(/^req_/);
      }
    },
  );

  it('takes retryAfter from the retry-after header, and the context-length code', async () => {
    simulator.enqueue(
      { error: { kind: 'rate_limit', retryAfter: 12 } },
      { error: { kind: 'context_length' } },
    );
    await expect(provider.createChatCompletion(ask('x'))).rejects.toMatchObject({
      retryAfter: 12,
      code: 'rate_limit_exceeded',
    });
    await expect(provider.createChatCompletion(ask('x'))).rejects.toMatchObject({
      code: 'context_length_exceeded',
    });
  });

  it('never puts the key in an error', async () => {
    const wrong = createOpenAIProvider({ ...config(), apiKey: 'sk-proj-wrongKey9876543210zyxwvu' });
    const failure = (await wrong
      .createChatCompletion(ask('x'))
      .catch((error: unknown) => error)) as APIError;
    expect(failure.type).toBe(APIErrorType.AUTH_FAILED);
    expect(failure.code).toBe('invalid_api_key');
    expect(JSON.stringify({ ...failure.toJSON(), stack: failure.stack })).not.toMatch(
      /wrongKey|9876543210/,
    );
    expect(await wrong.validateCredentials()).toBe(false);
  });

  it('surfaces an in-stream error after the chunks that arrived', async () => {
    simulator.enqueue({
      text: 'abcdefghijkl',
      chunkSize: 3,
      streamError: { afterEvents: 2, kind: 'quota' },
    });
    const received: string[] = [];
    const failure = await (async () => {
      for await (const chunk of provider.createChatCompletionStream(ask('x')))
        received.push(chunk.choices[0]?.delta.content ?? '');
    })().catch((error: unknown) => error);
    expect(received.join('')).toBe('abcdef');
    expect(failure).toMatchObject({
      type: APIErrorType.QUOTA_EXCEEDED,
      retryable: false,
      code: 'insufficient_quota',
    });
  });

  it('turns a dropped connection into a network error', async () => {
    simulator.enqueue({ text: 'abcdefghijkl', chunkSize: 2, dropAfterEvents: 3 });
    const failure = await accumulateChatStream(provider.createChatCompletionStream(ask('x'))).catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ type: APIErrorType.NETWORK_ERROR });
  });

  it('aborting cancels the upstream request', async () => {
    simulator.enqueue({ text: 'a'.repeat(200), chunkSize: 1, chunkDelayMs: 10 });
    const controller = new AbortController();
    const stream = provider.createChatCompletionStream(ask('x', { signal: controller.signal }));
    const failure = await (async () => {
      let count = 0;
      for await (const _chunk of stream) if (++count === 3) controller.abort();
    })().catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: APIErrorType.ABORTED });
    await expect.poll(() => simulator.requests[0]?.aborted, { timeout: 2000 }).toBe(true);
  });

  it('rejects invalid input with a typed error before sending', async () => {
    const failure = await provider
      .createChatCompletion({ model: 'gpt-4.1', messages: [{ role: 'tool', content: 'orphan' }] })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ type: APIErrorType.INVALID_REQUEST });
    expect(simulator.requests).toHaveLength(0);
    expect(() => createOpenAIProvider({ provider: 'openai', apiKey: '' })).toThrow(
      expect.objectContaining({ type: APIErrorType.AUTH_FAILED }),
    );
  });
});
