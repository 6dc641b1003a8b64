import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatChunk, ChatRequest, CustomConfig, CustomMapping } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createCustomProvider } from './index.js';

/**
 * An "unusual" endpoint: `POST /v1/generate` takes `{ input: { prompt }, params: {...} }` and
 * answers `{ output: { text, calls }, stats: { in, out }, meta: {...} }`; `POST /v1/generate/stream`
 * answers NDJSON `{ piece }` lines and a final `{ done, stats }` line; `POST /v1/sse` speaks SSE.
 */
type Reply = (request: IncomingMessage, response: ServerResponse) => void;
const received: Array<{ url: string; headers: IncomingMessage['headers']; body: unknown }> = [];
const replies: Reply[] = [];
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => {
      raw += chunk.toString('utf8');
    });
    request.on('end', () => {
      received.push({
        url: request.url ?? '',
        headers: request.headers,
        body: JSON.parse(raw || 'null'),
      });
      const reply = replies.shift();
      if (reply) reply(request, response);
      else response.writeHead(500).end('no reply scripted');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  received.length = 0;
  replies.length = 0;
});

const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}, indent = 0): Reply =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body, null, indent));
  };
const lines =
  (values: unknown[], framing: 'ndjson' | 'sse' = 'ndjson', tail = ''): Reply =>
  (_request, response) => {
    response.writeHead(200, {
      'content-type': framing === 'sse' ? 'text/event-stream' : 'application/x-ndjson',
    });
    for (const value of values) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      response.write(framing === 'sse' ? `data: ${text}\n\n` : `${text}\n`);
    }
    response.end(tail);
  };

const mapping: CustomMapping = {
  chatPath: '/generate',
  streamPath: '/generate/stream',
  requestTemplate: {
    model: '{{model}}',
    input: { prompt: '{{prompt}}', preamble: 'System: {{system}}' },
    params: { temperature: '{{temperature}}', max_new_tokens: '{{maxTokens}}', stop: '{{stop}}' },
    functions: '{{tools}}',
  },
  response: {
    text: 'output.text',
    id: 'meta.id',
    model: 'meta.model',
    finishReason: 'meta.stop',
    toolCalls: 'output.calls',
    promptTokens: 'stats.in',
    completionTokens: 'stats.out',
  },
  stream: {
    format: 'ndjson',
    delta: 'piece',
    done: 'done',
    finishReason: 'meta.stop',
    toolCalls: 'calls',
    promptTokens: 'stats.in',
    completionTokens: 'stats.out',
  },
  finishReasons: { budget: 'length' },
  errorMessage: 'fault.reason',
};
const config = (overrides: Partial<CustomConfig> = {}): CustomConfig => ({
  provider: 'custom',
  name: 'oddity',
  baseUrl,
  requestFormat: 'custom',
  apiKey: 'odd-secret-key-0123456789',
  mapping,
  ...overrides,
});
const request: ChatRequest = {
  model: 'odd-1',
  messages: [
    { role: 'system', content: 'Be terse.' },
    { role: 'user', content: 'Say hi' },
  ],
  temperature: 0.5,
};
const meta = { id: 'gen-42', model: 'odd-1-2026', stop: 'eos' };

async function failure(promise: Promise<unknown>): Promise<APIError> {
  try {
    await promise;
  } catch (error) {
    if (APIError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an APIError');
}
const collect = async (stream: AsyncIterable<ChatChunk>) => {
  const chunks: ChatChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
};

describe('custom provider against a scripted endpoint', () => {
  it('fills the template and reads the answer by its paths', async () => {
    replies.push(json({ output: { text: 'Hi.' }, stats: { in: 12, out: 2 }, meta }));
    const response = await createCustomProvider(config()).createChatCompletion(request);
    expect(response).toEqual({
      id: 'gen-42',
      model: 'odd-1-2026',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hi.' }, finishReason: 'stop' }],
      usage: { promptTokens: 12, completionTokens: 2, totalTokens: 14 },
    });
    expect(received[0]!.url).toBe('/v1/generate');
    expect(received[0]!.headers.authorization).toBe('Bearer odd-secret-key-0123456789');
    // Placeholders keep their type; undefined values (maxTokens, stop, tools) drop their keys.
    expect(received[0]!.body).toEqual({
      model: 'odd-1',
      input: { prompt: 'Say hi', preamble: 'System: Be terse.' },
      params: { temperature: 0.5 },
    });
  });

  it('streams NDJSON pieces and accumulates to the non-streaming answer', async () => {
    replies.push(
      json({ output: { text: 'Hello there' }, stats: { in: 5, out: 3 }, meta }),
      lines([
        { piece: 'Hello', meta },
        { piece: ' there', meta },
        { done: true, stats: { in: 5, out: 3 }, meta },
      ]),
    );
    const provider = createCustomProvider(config());
    const whole = await provider.createChatCompletion(request);
    const chunks = await collect(provider.createChatCompletionStream(request));
    expect(chunks.map((chunk) => chunk.choices[0]!.delta)).toEqual([
      { role: 'assistant', content: 'Hello' },
      { content: ' there' },
      {},
    ]);
    expect(chunks.at(-1)!.usage).toEqual({ promptTokens: 5, completionTokens: 3, totalTokens: 8 });
    const accumulated = await accumulateChatStream(
      (async function* () {
        yield* chunks;
      })(),
    );
    expect(accumulated).toEqual(whole);
    expect(received[1]!.url).toBe('/v1/generate/stream');
  });

  it('reads tool calls (object arguments, no ids) with the same stable ids streamed and not', async () => {
    const calls = [
      { function: { name: 'lookup', arguments: { q: 'a' } } },
      { function: { name: 'lookup', arguments: { q: 'b' } } },
    ];
    replies.push(
      json({
        output: { text: '', calls },
        stats: { in: 9, out: 4 },
        meta: { ...meta, stop: 'eos' },
      }),
      lines([
        { calls: [{ index: 0, function: { name: 'lookup', arguments: '{"q":' } }] },
        {
          calls: [
            { index: 0, function: { arguments: '"a"}' } },
            { index: 1, ...calls[1] },
          ],
        },
        { done: true, stats: { in: 9, out: 4 }, meta },
      ]),
    );
    const provider = createCustomProvider(config());
    const tools = [
      { type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } },
    ];
    const whole = await provider.createChatCompletion({ ...request, tools });
    expect(whole.choices[0]!.finishReason).toBe('tool_calls');
    expect(whole.choices[0]!.message.content).toBeNull();
    expect(whole.choices[0]!.message.toolCalls!.map((call) => call.function)).toEqual([
      { name: 'lookup', arguments: '{"q":"a"}' },
      { name: 'lookup', arguments: '{"q":"b"}' },
    ]);
    const streamed = await accumulateChatStream(
      provider.createChatCompletionStream({ ...request, tools }),
    );
    expect(streamed).toEqual(whole);
    expect((received[0]!.body as { functions: unknown }).functions).toEqual(tools);
  });

  it('maps vendor finish values through finishReasons', async () => {
    replies.push(json({ output: { text: 'Cut' }, meta: { ...meta, stop: 'budget' } }));
    const response = await createCustomProvider(config()).createChatCompletion(request);
    expect(response.choices[0]!.finishReason).toBe('length');
    expect(response.usage).toEqual({ promptTokens: 0, completionTokens: 0, totalTokens: 0 });
  });

  it('streams SSE until the sentinel, and fails a stream cut before it', async () => {
    const sse = config({
      mapping: {
        ...mapping,
        stream: {
          format: 'sse',
          delta: 'delta',
          doneSentinel: '[DONE]',
          streamField: 'options.stream',
        },
      },
    });
    replies.push(
      lines([{ delta: 'a' }, { delta: 'b' }, '[DONE]', { delta: 'ignored' }], 'sse'),
      lines([{ delta: 'a' }], 'sse'),
    );
    const provider = createCustomProvider(sse);
    const text = (await accumulateChatStream(provider.createChatCompletionStream(request)))
      .choices[0]!.message.content;
    expect(text).toBe('ab');
    expect(received[0]!.body).toMatchObject({ options: { stream: true } });
    const error = await failure(collect(provider.createChatCompletionStream(request)));
    expect(error.type).toBe(APIErrorType.NETWORK_ERROR);
    replies.push((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(
        'data: {"delta":"x"}\n\nevent: error\ndata: {"error":{"message":"overloaded"}}\n\n',
      );
    });
    const inBand = await failure(collect(provider.createChatCompletionStream(request)));
    expect([inBand.type, inBand.message, inBand.retryable]).toEqual([
      APIErrorType.SERVER_ERROR,
      'overloaded',
      true,
    ]);
  });

  it('streams an endpoint without a stream mapping as one chunk, whatever its JSON layout', async () => {
    const { stream: _stream, ...withoutStream } = mapping;
    const plain = config({ mapping: withoutStream });
    replies.push(json({ output: { text: 'Whole.' }, stats: { in: 1, out: 1 }, meta }, 200, {}, 2));
    const chunks = await collect(createCustomProvider(plain).createChatCompletionStream(request));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.choices[0]).toEqual({
      index: 0,
      delta: { role: 'assistant', content: 'Whole.' },
      finishReason: 'stop',
    });
    expect(received[0]!.url).toBe('/v1/generate');
  });

  it('reads error bodies by errorMessage, types them by status, never leaks the key', async () => {
    replies.push(
      json({ fault: { reason: 'bad token odd-secret-key-0123456789' } }, 401),
      json({ fault: { reason: 'slow down' } }, 429, { 'retry-after': '4' }),
      (_request, response) =>
        response.writeHead(503, { 'content-type': 'text/plain' }).end('down for maintenance'),
    );
    const provider = createCustomProvider(config());
    const auth = await failure(provider.createChatCompletion(request));
    expect(auth.type).toBe(APIErrorType.AUTH_FAILED);
    expect(auth.message).toBe('bad token [REDACTED]');
    const limited = await failure(provider.createChatCompletion(request));
    expect([limited.type, limited.retryAfter, limited.message]).toEqual([
      APIErrorType.RATE_LIMIT,
      4,
      'slow down',
    ]);
    const down = await failure(provider.createChatCompletion(request));
    expect([down.type, down.retryable, down.message]).toEqual([
      APIErrorType.SERVER_ERROR,
      true,
      'down for maintenance',
    ]);
  });

  it('errors the stream on an in-stream error line after what arrived', async () => {
    replies.push(lines([{ piece: 'par' }, { fault: { reason: 'model crashed' } }]));
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of createCustomProvider(config()).createChatCompletionStream(
          request,
        )) {
          seen.push(chunk.choices[0]!.delta.content ?? '');
        }
      })(),
    );
    expect(seen).toEqual(['par']);
    expect([error.type, error.message]).toEqual([APIErrorType.SERVER_ERROR, 'model crashed']);
  });

  it('sends the key in a custom header, and lists config.models', async () => {
    replies.push(json({ output: { text: 'ok' } }));
    const provider = createCustomProvider(
      config({ authHeader: 'X-Odd-Key', models: ['odd-1', 'odd-2'] }),
    );
    await provider.createChatCompletion(request);
    expect(received[0]!.headers['x-odd-key']).toBe('odd-secret-key-0123456789');
    expect(received[0]!.headers.authorization).toBeUndefined();
    const models = await provider.listModels();
    expect(
      models.map((model) => [model.id, model.provider, model.capabilities.supportsTools]),
    ).toEqual([
      ['odd-1', 'oddity', true],
      ['odd-2', 'oddity', true],
    ]);
  });

  it('refuses tools when the template cannot carry them', async () => {
    const noTools = config({
      mapping: { ...mapping, requestTemplate: { prompt: '{{prompt}}' } },
    });
    const error = await failure(
      createCustomProvider(noTools).createChatCompletion({
        ...request,
        tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }],
      }),
    );
    expect(error.type).toBe(APIErrorType.INVALID_REQUEST);
    expect(error.message).toMatch(/tools/);
    expect(received).toHaveLength(0);
  });
});

describe('custom mapping validation', () => {
  const bad: Array<[string, Record<string, unknown>, RegExp]> = [
    ['no mapping', { mapping: undefined }, /mapping is required/],
    [
      'no template',
      { mapping: { ...mapping, requestTemplate: undefined } },
      /mapping\.requestTemplate/,
    ],
    [
      'unknown placeholder',
      { mapping: { ...mapping, requestTemplate: { q: '{{query}}' } } },
      /\{\{query\}\}/,
    ],
    [
      'bad text path',
      { mapping: { ...mapping, response: { text: 'output..text' } } },
      /mapping\.response\.text/,
    ],
    [
      'missing text path',
      { mapping: { ...mapping, response: {} as CustomMapping['response'] } },
      /mapping\.response\.text/,
    ],
    [
      'bad stream format',
      { mapping: { ...mapping, stream: { ...mapping.stream!, format: 'xml' as 'sse' } } },
      /mapping\.stream\.format/,
    ],
    [
      'bad delta path',
      { mapping: { ...mapping, stream: { format: 'sse', delta: 'a[x]' } } },
      /mapping\.stream\.delta/,
    ],
    [
      'bad finish value',
      { mapping: { ...mapping, finishReasons: { x: 'done' as 'stop' } } },
      /finishReasons\["x"\]/,
    ],
    ['bad chat path', { mapping: { ...mapping, chatPath: 'two words' } }, /mapping\.chatPath/],
  ];
  it.each(bad)('refuses %s with invalid_request naming the field', (_label, overrides, pattern) => {
    let error: unknown;
    try {
      createCustomProvider({ ...config(), ...overrides } as CustomConfig);
    } catch (caught) {
      error = caught;
    }
    expect(APIError.isInstance(error) && error.type).toBe(APIErrorType.INVALID_REQUEST);
    expect((error as Error).message).toMatch(pattern);
  });

  it('validates again at authenticate time', async () => {
    const provider = createCustomProvider(config());
    const error = await provider
      .authenticate(config({ mapping: { ...mapping, response: { text: '' } } }))
      .catch((caught: unknown) => caught);
    expect(APIError.isInstance(error) && error.type).toBe(APIErrorType.INVALID_REQUEST);
    await expect(provider.authenticate(config({ models: ['x'] }))).resolves.toBeUndefined();
    expect((await provider.listModels()).map((model) => model.id)).toEqual(['x']);
  });
});
