import {
  type ScriptedErrorKind,
  type Simulator,
  startOllamaSimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { AIProvider, ChatChunk, ChatRequest, Message, Tool } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createOllamaProvider } from './index.js';

let simulator: Simulator;
let provider: AIProvider;
beforeAll(async () => {
  simulator = await startOllamaSimulator();
  provider = createOllamaProvider({ provider: 'ollama', baseUrl: simulator.baseUrl });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const hello: ChatRequest = { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Hello' }] };
const weather: Tool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

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

describe('Ollama adapter against the simulator', () => {
  it('answers without streaming: text, model, usage, finish, deterministic id', async () => {
    simulator.enqueue({ text: 'Hi!', usage: { inputTokens: 11, outputTokens: 3 } });
    const response = await provider.createChatCompletion({
      ...hello,
      temperature: 0.2,
      maxTokens: 50,
    });
    expect(response).toEqual({
      id: 'ollama-2026-01-01T00:00:00Z',
      model: 'llama3.1:8b',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi!' }, finishReason: 'stop' }],
      usage: { promptTokens: 11, completionTokens: 3, totalTokens: 14 },
    });
    expect(simulator.requests[0]!.url).toBe('/api/chat');
    expect(simulator.requests[0]!.body).toEqual({
      model: 'llama3.1:8b',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: false,
      options: { temperature: 0.2, num_predict: 50 },
    });
    expect(simulator.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('streams text pieces, then one chunk with finish and usage', async () => {
    simulator.enqueue({
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
    expect(chunks.at(-1)!.choices[0]!.finishReason).toBe('stop');
    expect(chunks.at(-1)!.usage).toEqual({ promptTokens: 4, completionTokens: 2, totalTokens: 6 });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === undefined)).toBe(true);
    expect(simulator.requests[0]!.body).toMatchObject({ stream: true });
  });

  it('accumulates a stream into exactly the non-streaming response (text, thinking, tools, length)', async () => {
    const turns = [
      {
        text: 'Plain answer with several words in it.',
        usage: { inputTokens: 9, outputTokens: 8 },
      },
      { reasoning: 'Think first, then answer.', text: 'Answer.', chunkSize: 4 },
      {
        text: 'Checking.',
        toolCalls: [
          { name: 'weather', arguments: { city: 'Paris' } },
          { name: 'weather', arguments: { city: 'Oslo' } },
        ],
      },
      { text: 'Cut off', finishReason: 'length' as const },
    ];
    for (const turn of turns) {
      simulator.enqueue(turn, turn);
      const request: ChatRequest = { ...hello, tools: [weather], reasoning: { effort: 'low' } };
      const whole = await provider.createChatCompletion(request);
      const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
      expect(streamed).toEqual(whole);
    }
  });

  it('returns thinking as reasoning with an Ollama-sourced detail when reasoning is asked for', async () => {
    simulator.enqueue({ reasoning: 'The user says hello.', text: 'Hello!', chunkSize: 7 });
    const chunks = await collect(
      provider.createChatCompletionStream({ ...hello, model: 'qwen3', reasoning: {} }),
    );
    expect(simulator.requests[0]!.body).toMatchObject({ think: true });
    expect(chunks.map((chunk) => chunk.choices[0]!.delta)).toEqual([
      { role: 'assistant', reasoning: 'The use' },
      { reasoning: 'r says ' },
      { reasoning: 'hello.' },
      { reasoningDetail: { type: 'text', text: 'The user says hello.', source: 'ollama' } },
      { content: 'Hello!' },
      {},
    ]);
  });

  it('runs a parallel tool-call round trip, sending results back as tool messages', async () => {
    simulator.enqueue(
      {
        toolCalls: [
          { name: 'weather', arguments: { city: 'Paris' } },
          { name: 'weather', arguments: { city: 'Tokyo' } },
        ],
        usage: { inputTokens: 30, outputTokens: 12 },
      },
      { text: 'Paris is sunny, Tokyo rainy.' },
    );
    const first = await provider.createChatCompletion({ ...hello, tools: [weather] });
    const message = first.choices[0]!.message;
    expect(first.choices[0]!.finishReason).toBe('tool_calls');
    expect(message.content).toBeNull();
    expect(message.toolCalls?.map((call) => call.function)).toEqual([
      { name: 'weather', arguments: '{"city":"Paris"}' },
      { name: 'weather', arguments: '{"city":"Tokyo"}' },
    ]);
    const [paris, tokyo] = message.toolCalls!;
    expect(paris!.id).toMatch(/^call_/);
    expect(paris!.id).not.toBe(tokyo!.id);
    const messages: Message[] = [
      ...hello.messages,
      { role: 'assistant', content: null, toolCalls: message.toolCalls! },
      { role: 'tool', toolCallId: paris!.id, content: '{"sky":"sunny"}' },
      { role: 'tool', toolCallId: tokyo!.id, content: '{"sky":"rain"}' },
    ];
    const second = await provider.createChatCompletion({ ...hello, messages, tools: [weather] });
    expect(second.choices[0]!.message.content).toBe('Paris is sunny, Tokyo rainy.');
    expect((simulator.requests[1]!.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: 'Hello' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { function: { name: 'weather', arguments: { city: 'Paris' } } },
          { function: { name: 'weather', arguments: { city: 'Tokyo' } } },
        ],
      },
      { role: 'tool', content: '{"sky":"sunny"}', tool_name: 'weather' },
      { role: 'tool', content: '{"sky":"rain"}', tool_name: 'weather' },
    ]);
    expect((simulator.requests[1]!.body as { tools: unknown }).tools).toEqual([
      { type: 'function', function: weather.function },
    ]);
  });

  it('gives a tool call the same id streamed and not, and another id in another turn', async () => {
    const turn = { toolCalls: [{ name: 'weather', arguments: { city: 'Rome' } }] };
    simulator.enqueue(turn, turn, turn);
    const whole = await provider.createChatCompletion({ ...hello, tools: [weather] });
    const streamed = await accumulateChatStream(
      provider.createChatCompletionStream({ ...hello, tools: [weather] }),
    );
    const later = await provider.createChatCompletion({
      ...hello,
      messages: [...hello.messages, { role: 'assistant', content: 'Hm.' }, hello.messages[0]!],
      tools: [weather],
    });
    const id = whole.choices[0]!.message.toolCalls![0]!.id;
    expect(streamed.choices[0]!.message.toolCalls![0]!.id).toBe(id);
    expect(later.choices[0]!.message.toolCalls![0]!.id).not.toBe(id);
  });

  const kinds: Array<[ScriptedErrorKind, APIErrorType, number, boolean]> = [
    ['auth', APIErrorType.AUTH_FAILED, 401, false],
    ['permission', APIErrorType.AUTH_FAILED, 403, false],
    ['not_found', APIErrorType.INVALID_REQUEST, 404, false],
    ['invalid_request', APIErrorType.INVALID_REQUEST, 400, false],
    ['context_length', APIErrorType.INVALID_REQUEST, 400, false],
    ['rate_limit', APIErrorType.RATE_LIMIT, 429, true],
    ['quota', APIErrorType.QUOTA_EXCEEDED, 429, false],
    ['server', APIErrorType.SERVER_ERROR, 500, true],
    ['overloaded', APIErrorType.SERVER_ERROR, 503, true],
    ['unavailable', APIErrorType.SERVER_ERROR, 503, true],
    ['timeout', APIErrorType.TIMEOUT, 504, true],
  ];
  it.each(kinds)(
    'maps a %s error to %s (status %i, retryable %s)',
    async (kind, type, status, retryable) => {
      simulator.enqueue({ error: { kind, retryAfter: 3 } }, { error: { kind } });
      const error = await failure(provider.createChatCompletion(hello));
      expect({ type: error.type, status: error.status, retryable: error.retryable }).toEqual({
        type,
        status,
        retryable,
      });
      expect(error.retryAfter).toBe(3);
      expect(error.provider).toBe('ollama');
      const streamed = await failure(collect(provider.createChatCompletionStream(hello)));
      expect(streamed.type).toBe(type);
    },
  );

  it('names a missing model and keeps the body text', async () => {
    simulator.enqueue({ error: { kind: 'not_found' } });
    const error = await failure(provider.createChatCompletion({ ...hello, model: 'llama9' }));
    expect(error.message).toBe("model 'llama9' not found");
    expect(error.code).toBe('model_not_found');
  });

  it('errors the stream after the text that arrived when an error line comes with status 200', async () => {
    simulator.enqueue({
      text: 'abcdef',
      chunkSize: 2,
      streamError: { afterEvents: 2, kind: 'server' },
    });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of provider.createChatCompletionStream(hello)) {
          seen.push(chunk.choices[0]!.delta.content ?? '');
        }
      })(),
    );
    expect(seen).toEqual(['ab', 'cd']);
    expect(error.type).toBe(APIErrorType.SERVER_ERROR);
    expect(error.retryable).toBe(true);
    expect(error.message).toBe('an error was encountered while running the model');
  });

  it('fails a stream cut before its done line with a retryable error', async () => {
    simulator.enqueue({ text: 'abcdef', chunkSize: 2, dropAfterEvents: 2 });
    const error = await failure(collect(provider.createChatCompletionStream(hello)));
    expect(error.retryable).toBe(true);
  });

  it('cancels the upstream request when the caller aborts', async () => {
    simulator.enqueue({ text: 'x'.repeat(300), chunkSize: 1, chunkDelayMs: 5 });
    const controller = new AbortController();
    let count = 0;
    const error = await failure(
      (async () => {
        for await (const _chunk of provider.createChatCompletionStream({
          ...hello,
          signal: controller.signal,
        })) {
          if (++count === 3) controller.abort();
        }
      })(),
    );
    expect(error.type).toBe(APIErrorType.ABORTED);
    await expect.poll(() => simulator.requests[0]!.aborted).toBe(true);
  });

  it('refuses input Ollama cannot take with invalid_request before sending', async () => {
    const byUrl: ChatRequest = {
      ...hello,
      messages: [
        {
          role: 'user',
          content: [{ type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } }],
        },
      ],
    };
    const error = await failure(provider.createChatCompletion(byUrl));
    expect(error.type).toBe(APIErrorType.INVALID_REQUEST);
    expect(error.message).toMatch(/base64/);
    const badContext = createOllamaProvider({
      provider: 'ollama',
      baseUrl: simulator.baseUrl,
      numCtx: 1.5,
    });
    expect((await failure(badContext.createChatCompletion(hello))).type).toBe(
      APIErrorType.INVALID_REQUEST,
    );
    expect(simulator.requests).toHaveLength(0);
  });

  it('sends base64 images, num_ctx and keep_alive the way Ollama takes them', async () => {
    const local = createOllamaProvider({
      provider: 'ollama',
      baseUrl: simulator.baseUrl,
      numCtx: 8192,
      keepAlive: '10m',
    });
    await local.createChatCompletion({
      ...hello,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is this?' },
            {
              type: 'image',
              source: { type: 'base64', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
            },
          ],
        },
      ],
    });
    expect(simulator.requests[0]!.body).toMatchObject({
      messages: [{ role: 'user', content: 'What is this?', images: ['iVBORw0KGgo='] }],
      options: { num_ctx: 8192 },
      keep_alive: '10m',
    });
  });

  it('lists installed models merged with the catalog', async () => {
    const local = await startOllamaSimulator({
      models: [
        { name: 'llama3.2:latest', parameterSize: '3.2B' },
        { name: 'mistral:7b', family: 'mistral' },
      ],
    });
    try {
      const models = await createOllamaProvider({
        provider: 'ollama',
        baseUrl: local.baseUrl,
      }).listModels();
      expect(models.map((model) => [model.id, model.inCatalog])).toEqual([
        ['llama3.2', true],
        ['mistral:7b', false],
      ]);
      expect(models[0]!.pricing).toEqual({ input: 0, output: 0 });
      expect(models[1]!.name).toBe('mistral:7b (mistral, 8.0B)');
    } finally {
      await local.close();
    }
  });

  it('sends a Bearer key only when one is set, and reports a wrong one as auth_failed', async () => {
    const cloud = await startOllamaSimulator({ apiKey: 'ollama-cloud-key-123' });
    try {
      const good = createOllamaProvider({
        provider: 'ollama',
        baseUrl: cloud.baseUrl,
        apiKey: 'ollama-cloud-key-123',
      });
      expect(await good.validateCredentials()).toBe(true);
      const bad = createOllamaProvider({
        provider: 'ollama',
        baseUrl: cloud.baseUrl,
        apiKey: 'wrong-key-456789',
      });
      expect(await bad.validateCredentials()).toBe(false);
      const error = await failure(bad.createChatCompletion(hello));
      expect(error.type).toBe(APIErrorType.AUTH_FAILED);
      expect(JSON.stringify(error.toJSON())).not.toContain('wrong-key-456789');
    } finally {
      await cloud.close();
    }
  });
});
