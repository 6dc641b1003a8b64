import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../errors/index.js';
import type { SSEEvent } from '../http/index.js';
import type { ChatChunk, OpenAIConfig } from '../spec/index.js';
import { createAdapter } from './create-adapter.js';
import type { ProviderDefinition } from './definition.js';
import { createTokenUsage } from './usage.js';

const KEY = 'sk-test-engine-secret-0123456789';

/** A minimal vendor: POST /chat answers `{text}`; `/stream` sends SSE `data:` text pieces. */
const definition: ProviderDefinition<OpenAIConfig> = {
  type: 'openai',
  capabilities: {
    streaming: true,
    tools: true,
    images: false,
    reasoning: false,
    promptCaching: false,
    modelListing: true,
  },
  defaultBaseUrl: 'http://127.0.0.1:1',
  requiresApiKey: true,
  catalog: [
    {
      id: 'known',
      name: 'Known',
      provider: 'openai',
      contextWindow: 1000,
      maxOutputTokens: 100,
      capabilities: {
        supportsTools: true,
        supportsImages: false,
        supportsReasoning: false,
        supportsStreaming: true,
      },
      pricing: { input: 1, output: 2 },
    },
  ],
  headers: (config) => ({ authorization: `Bearer ${config.apiKey}` }),
  buildChatRequest: (request, _context, stream) => ({
    path: stream ? '/stream' : '/chat',
    body: {
      model: request.model,
      prompt: request.messages.map((message) => message.content).join('\n'),
    },
  }),
  parseChatResponse: (body) => {
    const { text } = body as { text: string };
    return {
      id: 'r',
      model: 'm',
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finishReason: 'stop' }],
      usage: createTokenUsage({ promptTokens: 1, completionTokens: 2 }),
    };
  },
  streamFraming: 'sse',
  createStreamTransformer: (): Transformer<SSEEvent | unknown, ChatChunk> => ({
    transform(event, controller) {
      const { data } = event as SSEEvent;
      if (data === 'ERROR') {
        controller.error(
          new APIError('Overloaded', { type: APIErrorType.SERVER_ERROR, provider: 'openai' }),
        );
        return;
      }
      controller.enqueue({
        id: 'r',
        model: 'm',
        choices: [{ index: 0, delta: { content: data } }],
      });
    },
    flush(controller) {
      controller.enqueue({
        id: 'r',
        model: 'm',
        choices: [{ index: 0, delta: {}, finishReason: 'stop' }],
        usage: createTokenUsage({ promptTokens: 1, completionTokens: 2 }),
      });
    },
  }),
  parseError: (body) => {
    const error = (body as { error?: { message?: string; code?: string } }).error;
    return { message: error?.message ?? 'unknown', ...(error?.code ? { code: error.code } : {}) };
  },
  models: {
    path: '/models',
    parse: (body) =>
      (body as { ids: string[] }).ids.map((id) => ({
        id,
        name: id,
        provider: 'openai',
        contextWindow: 0,
        maxOutputTokens: 0,
        capabilities: {
          supportsTools: false,
          supportsImages: false,
          supportsReasoning: false,
          supportsStreaming: true,
        },
      })),
  },
};

let origin = '';
let lastStreamClosedEarly = false;
const server = createServer((request: IncomingMessage, response: ServerResponse) => {
  const path = request.url ?? '';
  request.resume();
  if (request.headers.authorization !== `Bearer ${KEY}`) {
    response.writeHead(401, { 'content-type': 'application/json', 'x-request-id': 'req_auth' });
    response.end(
      JSON.stringify({
        error: {
          message: `Incorrect API key provided: ${request.headers.authorization}`,
          code: 'invalid_api_key',
        },
      }),
    );
    return;
  }
  if (path === '/models') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ids: ['known', 'other'] }));
  } else if (path === '/chat') {
    response.writeHead(200, {
      'content-type': 'application/json',
      'x-ratelimit-remaining-requests': '41',
    });
    response.end(JSON.stringify({ text: 'hi' }));
  } else if (path === '/limited') {
    response.writeHead(429, {
      'content-type': 'application/json',
      'retry-after': '7',
      'x-should-retry': 'false',
    });
    response.end(JSON.stringify({ error: { message: 'Too many', code: 'rate_limit_exceeded' } }));
  } else if (path === '/burst-error' || path === '/burst-drop') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    // Everything in one write: the consumer reads slower than it arrives.
    if (path === '/burst-error') response.end('data: a\n\ndata: b\n\ndata: c\n\ndata: ERROR\n\n');
    else
      response.write('data: a\n\ndata: b\n\ndata: c\n\n', () =>
        setTimeout(() => response.destroy(), 20),
      );
  } else if (path === '/stream' || path === '/slow-stream' || path === '/error-stream') {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('data: a\n\ndata: b\n\n');
    if (path === '/error-stream') response.end('data: ERROR\n\n');
    else if (path === '/slow-stream') {
      lastStreamClosedEarly = false;
      response.on('close', () => {
        lastStreamClosedEarly = !response.writableFinished;
      });
      const timer = setInterval(() => response.write('data: tick\n\n'), 20);
      response.on('close', () => clearInterval(timer));
    } else response.end();
  } else if (path === '/hang') {
    // Never answers.
  }
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const provider = (overrides: Partial<OpenAIConfig> = {}, path?: string) =>
  createAdapter(
    path ? { ...definition, buildChatRequest: () => ({ path, body: {} }) } : definition,
    { provider: 'openai', apiKey: KEY, baseUrl: origin, ...overrides },
  );
const request = { model: 'known', messages: [{ role: 'user' as const, content: 'hello' }] };

describe('createAdapter', () => {
  it('completes a chat and tracks usage and rate limits', async () => {
    const adapter = provider();
    const response = await adapter.createChatCompletion(request);
    expect(response.choices[0]?.message.content).toBe('hi');
    expect(await adapter.getUsage()).toMatchObject({
      requests: 1,
      successfulRequests: 1,
      promptTokens: 1,
      completionTokens: 2,
      totalTokens: 3,
    });
    expect((await adapter.getRateLimit()).requestsRemaining).toBe(41);
  });

  it('streams chunks and records the final usage', async () => {
    const adapter = provider();
    const seen: ChatChunk[] = [];
    for await (const chunk of adapter.createChatCompletionStream(request)) seen.push(chunk);
    expect(seen.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe('ab');
    expect(seen.at(-1)?.usage?.totalTokens).toBe(3);
    expect((await adapter.getUsage()).totalTokens).toBe(3);
  });

  it('throws a typed auth error without the key in message, fields or stack', async () => {
    const adapter = provider({ apiKey: 'sk-wrong-key-abcdefghijklmnop' });
    const error = await adapter.createChatCompletion(request).catch((caught: unknown) => caught);
    expect(APIError.isInstance(error)).toBe(true);
    const apiError = error as APIError;
    expect(apiError).toMatchObject({
      type: 'auth_failed',
      status: 401,
      code: 'invalid_api_key',
      requestId: 'req_auth',
      retryable: false,
    });
    const everything = `${apiError.message} ${apiError.stack} ${JSON.stringify(apiError)}`;
    expect(everything).not.toContain('sk-wrong-key-abcdefghijklmnop');
    expect(await adapter.validateCredentials()).toBe(false);
    expect((await adapter.getUsage()).failedRequests).toBe(1);
  });

  it('reads retry-after and x-should-retry', async () => {
    const error = (await provider({}, '/limited')
      .createChatCompletion(request)
      .catch((caught: unknown) => caught)) as APIError;
    expect(error).toMatchObject({
      type: 'rate_limit',
      retryAfter: 7,
      retryable: false,
      code: 'rate_limit_exceeded',
    });
  });

  it('throws an in-stream vendor error after the chunks that arrived', async () => {
    const seen: string[] = [];
    const error = await (async () => {
      for await (const chunk of provider({}, '/error-stream').createChatCompletionStream(request)) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
      }
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(['a', 'b']);
    expect(error).toMatchObject({ type: 'server_error', retryable: true });
  });

  it.each([
    ['/burst-error', 'server_error'],
    ['/burst-drop', 'network_error'],
  ])(
    'delivers every chunk that arrived before an error to a slow consumer (%s)',
    async (path, type) => {
      const seen: string[] = [];
      const error = await (async () => {
        for await (const chunk of provider({}, path).createChatCompletionStream(request)) {
          await new Promise((resolve) => setTimeout(resolve, 40));
          seen.push(chunk.choices[0]?.delta.content ?? '');
        }
      })().catch((caught: unknown) => caught);
      expect(seen).toEqual(['a', 'b', 'c']);
      expect(error).toMatchObject({ type });
    },
  );

  it('cancels the upstream request when the consumer stops or aborts', async () => {
    const adapter = provider({}, '/slow-stream');
    for await (const chunk of adapter.createChatCompletionStream(request)) {
      if (chunk.choices[0]?.delta.content === 'tick') break;
    }
    await expect.poll(() => lastStreamClosedEarly).toBe(true);
    const controller = new AbortController();
    const error = await (async () => {
      for await (const _chunk of adapter.createChatCompletionStream({
        ...request,
        signal: controller.signal,
      }))
        controller.abort();
    })().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: 'aborted' });
  });

  it('times out with a typed error', async () => {
    const error = await provider({ timeoutMs: 50 }, '/hang')
      .createChatCompletion(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: 'timeout', retryable: true });
  });

  it('maps connection failures to network_error', async () => {
    const error = await provider({ baseUrl: 'http://127.0.0.1:9' })
      .createChatCompletion(request)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: 'network_error', retryable: true });
  });

  it('rejects unusable configs and requests with typed errors', async () => {
    expect(() => createAdapter(definition, { provider: 'openai', apiKey: '' })).toThrow(
      expect.objectContaining({ type: 'auth_failed', code: 'missing_api_key' }),
    );
    expect(() =>
      createAdapter(definition, { provider: 'openai', apiKey: KEY, baseUrl: 'not a url' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_base_url' }));
    expect(() =>
      createAdapter(definition, { provider: 'openai', apiKey: KEY, baseUrl: 'ftp://x' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_base_url' }));
    const adapter = provider();
    await expect(adapter.createChatCompletion({ ...request, model: '' })).rejects.toMatchObject({
      code: 'missing_model',
    });
    await expect(
      adapter.createChatCompletion({
        ...request,
        tools: [{ type: 'function', function: { name: 'bad name!', parameters: {} } }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_tool' });
    await expect(
      adapter.createChatCompletion({
        ...request,
        tools: [{ type: 'function', function: { name: 'ok', parameters: { type: 'string' } } }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_tool_schema' });
    await expect(
      adapter.createChatCompletion({
        ...request,
        messages: [
          {
            role: 'user',
            content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }],
          },
        ],
      }),
    ).rejects.toMatchObject({ type: 'invalid_request', code: 'unsupported_images' });
  });

  it('lists models merged with the catalog and looks them up offline', async () => {
    const adapter = provider();
    expect(await adapter.getModel('known')).toMatchObject({
      id: 'known',
      inCatalog: true,
      pricing: { input: 1, output: 2 },
    });
    expect(await adapter.getModel('other')).toBeNull();
    const models = await adapter.listModels();
    expect(models.map((model) => [model.id, model.inCatalog])).toEqual([
      ['known', true],
      ['other', false],
    ]);
    expect(await adapter.getModel('other')).toMatchObject({ id: 'other', inCatalog: false });
  });
});
