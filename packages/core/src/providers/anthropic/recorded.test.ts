import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import { createSSEParser } from '../../http/index.js';
import type { AnthropicConfig, ChatChunk } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { parseAnthropicError } from './errors.js';
import { parseModelList } from './models.js';
import { parseAnthropicResponse } from './response.js';
import { createAnthropicStreamTransformer } from './stream.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const exchange = (name: string) =>
  JSON.parse(fixture(name)) as {
    response: { status: number; headers: Record<string, string>; body: string };
  };

const context = (): CallContext<AnthropicConfig> => ({
  config: { provider: 'anthropic', apiKey: 'k' },
  providerName: 'anthropic',
  request: { model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'Hi' }] },
  responseHeaders: new Headers({ 'request-id': 'req_header' }),
});

/** Feeds a recorded SSE body through the real parser and the transformer, in small pieces. */
function chunksOf(sse: string): AsyncIterable<ChatChunk> {
  const text = new ReadableStream<string>({
    start(controller) {
      for (let index = 0; index < sse.length; index += 37)
        controller.enqueue(sse.slice(index, index + 37));
      controller.close();
    },
  });
  const readable = text
    .pipeThrough(createSSEParser())
    .pipeThrough(new TransformStream(createAnthropicStreamTransformer(context())));
  return {
    async *[Symbol.asyncIterator]() {
      const reader = readable.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    },
  };
}

describe('Anthropic adapter on recorded wire data', () => {
  it('reads the recorded text stream', async () => {
    const response = await accumulateChatStream(chunksOf(fixture('stream-text.sse')));
    expect(response).toEqual({
      id: 'msg_011CeCGmCzjcUtmtEmMdEiM2',
      model: 'claude-haiku-4-5-20251001',
      choices: [
        { index: 0, message: { role: 'assistant', content: '1\n2\n3' }, finishReason: 'stop' },
      ],
      usage: { promptTokens: 15, completionTokens: 9, totalTokens: 24 },
    });
  });

  it('reads the recorded thinking stream: reasoning pieces, one signed detail at block stop', async () => {
    const chunks: ChatChunk[] = [];
    for await (const chunk of chunksOf(fixture('stream-thinking.sse'))) chunks.push(chunk);
    const details = chunks.flatMap((chunk) =>
      chunk.choices[0]!.delta.reasoningDetail ? [chunk.choices[0]!.delta.reasoningDetail] : [],
    );
    expect(details).toHaveLength(1);
    const detail = details[0]!;
    expect(detail.type === 'text' && detail.signature?.startsWith('ErsNCpMBCBAYAipA')).toBe(true);
    expect(detail.source).toBe('anthropic');
    const reasoning = chunks.map((chunk) => chunk.choices[0]!.delta.reasoning ?? '').join('');
    expect(detail.type === 'text' && detail.text).toBe(reasoning);
    expect(reasoning.startsWith('This is a clever')).toBe(true);
    expect(chunks.at(-1)!.usage).toEqual({
      promptTokens: 80,
      completionTokens: 638,
      totalTokens: 718,
      reasoningTokens: 353,
    });
  });

  it('reads the recorded tool-use stream: id and name first, then argument pieces', async () => {
    const chunks: ChatChunk[] = [];
    for await (const chunk of chunksOf(fixture('stream-tool-use.sse'))) chunks.push(chunk);
    const calls = chunks.flatMap((chunk) => chunk.choices[0]!.delta.toolCalls ?? []);
    expect(calls[0]).toEqual({
      index: 0,
      id: 'toolu_01MKSN7NHsBVKr7Jvw5pqCQq',
      type: 'function',
      function: { name: 'weather' },
    });
    expect(
      calls.slice(1).every((call) => call.id === undefined && call.function.arguments !== ''),
    ).toBe(true);
    const response = await accumulateChatStream(chunksOf(fixture('stream-tool-use.sse')));
    expect(response.choices[0]!.finishReason).toBe('tool_calls');
    expect(JSON.parse(response.choices[0]!.message.toolCalls![0]!.function.arguments)).toEqual({
      latitude: '52.5200',
      longitude: '13.4050',
    });
    expect(response.choices[0]!.message.content).toBeNull();
  });

  it('turns a call that streams no argument pieces into "{}", like the JSON response', async () => {
    const sse = fixture('stream-tool-use.sse').replace(
      /event: content_block_delta\ndata: .*partial_json":"[^"].*\n\n/g,
      '',
    );
    const response = await accumulateChatStream(chunksOf(sse));
    expect(response.choices[0]!.message.toolCalls![0]!.function.arguments).toBe('{}');
  });

  it('errors the recorded in-stream overloaded event as a retryable server error', async () => {
    const error = await accumulateChatStream(
      chunksOf(fixture('stream-error-overloaded.sse')),
    ).catch((caught: unknown) => caught);
    expect(APIError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      type: APIErrorType.SERVER_ERROR,
      retryable: true,
      code: 'overloaded_error',
      message: 'Overloaded',
      requestId: 'req_header',
    });
  });

  it('errors a stream cut off before message_stop', async () => {
    const cut = fixture('stream-text.sse').split('event: message_delta')[0]!;
    const error = await accumulateChatStream(chunksOf(cut)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ type: APIErrorType.NETWORK_ERROR });
  });

  it('parses the recorded thinking and parallel tool-use responses', () => {
    const thinking = parseAnthropicResponse(
      JSON.parse(exchange('message.thinking.http.json').response.body),
      context(),
    );
    expect(thinking.choices[0]!.message.reasoningDetails).toHaveLength(1);
    expect(thinking.choices[0]!.message.content).toMatch(/^I'd ask/);
    expect(thinking.usage).toEqual({
      promptTokens: 80,
      completionTokens: 755,
      totalTokens: 835,
      reasoningTokens: 456,
    });
    const tools = parseAnthropicResponse(
      JSON.parse(exchange('message.parallel-tool-use.http.json').response.body),
      context(),
    );
    expect(tools.choices[0]).toEqual({
      index: 0,
      finishReason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        toolCalls: [
          {
            id: 'toolu_01TjHdHxyQNDy4DipRieJU5n',
            type: 'function',
            function: {
              name: 'weather',
              arguments: '{"latitude":"52.5200","longitude":"13.4050"}',
            },
          },
          {
            id: 'toolu_01QHFWAkMuVLb3VgS4EDGUGY',
            type: 'function',
            function: { name: 'best_language_to_learn', arguments: '{}' },
          },
        ],
      },
    });
  });

  it.each([
    ['error.401-authentication-error.http.json', APIErrorType.AUTH_FAILED, 'authentication_error'],
    ['error.400-prompt-too-long.http.json', APIErrorType.INVALID_REQUEST, 'invalid_request_error'],
    ['error.429-rate-limit-retry-after.http.json', APIErrorType.RATE_LIMIT, 'rate_limit_error'],
    ['error.529-overloaded.http.json', APIErrorType.SERVER_ERROR, 'overloaded_error'],
  ])('reads the recorded error body %s', (name, type, code) => {
    const { status, headers, body } = exchange(name).response;
    const info = parseAnthropicError(JSON.parse(body), status, new Headers(headers));
    expect(info).toMatchObject({ type, code });
    expect(info.message.length).toBeGreaterThan(0);
  });

  it('reads an empty-credit 400 as quota_exceeded and a non-JSON body as text', () => {
    const credit = {
      type: 'error',
      error: {
        type: 'invalid_request_error',
        message: 'Your credit balance is too low to access the Anthropic API.',
      },
    };
    expect(parseAnthropicError(credit, 400, new Headers())).toMatchObject({
      type: APIErrorType.QUOTA_EXCEEDED,
    });
    expect(parseAnthropicError('<html>Bad gateway</html>', 502, new Headers())).toEqual({
      message: '<html>Bad gateway</html>',
    });
  });

  it('maps the recorded model list to catalog aliases', () => {
    const models = parseModelList(
      JSON.parse(exchange('models-list.http.json').response.body),
      'anthropic',
    );
    const ids = models.map((model) => model.id);
    expect(ids).toContain('claude-haiku-4-5');
    expect(ids).toContain('claude-opus-4-6');
    expect(ids).not.toContain('claude-haiku-4-5-20251001');
    expect(models).toHaveLength(10);
  });
});
