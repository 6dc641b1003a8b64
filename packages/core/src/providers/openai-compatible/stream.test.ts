import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import { createSSEParser } from '../../http/index.js';
import type { ChatChunk } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createOpenAICompatibleStreamTransformer } from './stream.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const context = { provider: 'openai', turn: 1, model: 'requested-model' };

/** Runs an SSE body (fed in small pieces) through the parser and the transformer. */
function chunksOf(body: string, pieceSize = 37): ReadableStream<ChatChunk> {
  const pieces: string[] = [];
  for (let index = 0; index < body.length; index += pieceSize)
    pieces.push(body.slice(index, index + pieceSize));
  return new ReadableStream<string>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  })
    .pipeThrough(createSSEParser())
    .pipeThrough(new TransformStream(createOpenAICompatibleStreamTransformer(context)));
}

async function collect(
  stream: ReadableStream<ChatChunk>,
): Promise<{ chunks: ChatChunk[]; error?: unknown }> {
  const chunks: ChatChunk[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk);
  } catch (error) {
    return { chunks, error };
  }
  return { chunks };
}

const sse = (...payloads: unknown[]) =>
  payloads
    .map(
      (payload) => `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`,
    )
    .join('');

describe('OpenAI-compatible stream transformer on recordings', () => {
  it('turns the recorded text stream into deltas and one final chunk with finish and usage', async () => {
    const { chunks } = await collect(chunksOf(fixture('chat-completion.stream-text.sse')));
    const id = 'chatcmpl-Cw7WStFqBjUmKH9vLD97AiG6Wdduh';
    const model = 'gpt-4.1-nano-2025-04-14';
    expect(chunks).toEqual([
      { id, model, choices: [{ index: 0, delta: { role: 'assistant' } }] },
      ...['1', ',', ' ', '2', ',', ' ', '3'].map((content) => ({
        id,
        model,
        choices: [{ index: 0, delta: { content } }],
      })),
      {
        id,
        model,
        choices: [{ index: 0, delta: {}, finishReason: 'stop' }],
        usage: { promptTokens: 14, completionTokens: 7, totalTokens: 21 },
      },
    ]);
  });

  it('keeps the recorded tool-call id and sends name first, arguments after', async () => {
    const response = await accumulateChatStream(
      chunksOf(fixture('chat-completion.stream-tool-call.sse')),
    );
    expect(response.choices).toEqual([
      {
        index: 0,
        message: {
          role: 'assistant',
          content: null,
          toolCalls: [
            {
              id: 'call_Ri18CzwNncOY61C3aLD9JKX1',
              type: 'function',
              function: {
                name: 'weather',
                arguments: '{"latitude": "52.5200", "longitude": "13.4050"}',
              },
            },
          ],
        },
        finishReason: 'tool_calls',
      },
    ]);
    expect(response.usage).toEqual({ promptTokens: 88, completionTokens: 39, totalTokens: 127 });
  });

  it('assembles the recorded parallel tool calls in order', async () => {
    const { chunks } = await collect(
      chunksOf(fixture('chat-completion.stream-parallel-tool-calls.sse')),
    );
    const heads = chunks
      .flatMap((chunk) => chunk.choices[0]?.delta.toolCalls ?? [])
      .filter((call) => call.id);
    expect(heads.map((call) => [call.index, call.id, call.function.name])).toEqual([
      [0, 'call_JMW1whyEaYG438VE1OIflxA2', 'GetWeatherArgs'],
      [1, 'call_DNYTawLBoN8fj3KN6qU9N1Ou', 'get_stock_price'],
    ]);
    const response = await accumulateChatStream(
      chunksOf(fixture('chat-completion.stream-parallel-tool-calls.sse')),
    );
    expect(
      response.choices[0]?.message.toolCalls?.map((call) => JSON.parse(call.function.arguments)),
    ).toEqual([
      { city: 'Edinburgh', country: 'GB', units: 'c' },
      { ticker: 'AAPL', exchange: 'NASDAQ' },
    ]);
    expect(response.usage).toEqual({ promptTokens: 149, completionTokens: 60, totalTokens: 209 });
  });

  it('maps finish_reason length', async () => {
    const response = await accumulateChatStream(
      chunksOf(fixture('chat-completion.stream-finish-length.sse')),
    );
    expect(response.choices[0]?.finishReason).toBe('length');
    expect(response.choices[0]?.message.content).toBe('{"');
  });
});

describe('OpenAI-compatible stream transformer on compatible servers', () => {
  const chunk = (
    delta: Record<string, unknown>,
    finish: string | null = null,
    extra: Record<string, unknown> = {},
  ) => ({
    id: 'x-1',
    model: 'local',
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra,
  });

  it('reads reasoning_content and reasoning as reasoning deltas', async () => {
    const body = sse(
      chunk({ role: 'assistant', reasoning_content: 'Think ' }),
      chunk({ reasoning: 'hard.' }),
      chunk({ content: 'Done.' }),
      chunk({}, 'stop', {
        usage: {
          prompt_tokens: 5,
          completion_tokens: 9,
          completion_tokens_details: { reasoning_tokens: 4 },
        },
      }),
      '[DONE]',
    );
    const response = await accumulateChatStream(chunksOf(body));
    expect(response.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Done.',
      reasoning: 'Think hard.',
    });
    expect(response.usage).toEqual({
      promptTokens: 5,
      completionTokens: 9,
      totalTokens: 14,
      reasoningTokens: 4,
    });
  });

  it('holds calls sent without ids and gives them stable ids at the end', async () => {
    const body = sse(
      chunk({ tool_calls: [{ index: 0, function: { name: 'f', arguments: '{"a":' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '1}' } }] }),
      chunk({ tool_calls: [{ index: 1, function: { name: 'g', arguments: { b: 2 } } }] }),
      chunk({}, 'tool_calls'),
      '[DONE]',
    );
    const first = await accumulateChatStream(chunksOf(body));
    const second = await accumulateChatStream(chunksOf(body));
    const calls = first.choices[0]?.message.toolCalls ?? [];
    expect(calls.map((call) => [call.function.name, call.function.arguments])).toEqual([
      ['f', '{"a":1}'],
      ['g', '{"b":2}'],
    ]);
    expect(calls[0]?.id).toMatch(/^call_/);
    expect(calls[0]?.id).not.toBe(calls[1]?.id);
    expect(second.choices[0]?.message.toolCalls).toEqual(calls);
  });

  it('sends a call head once even when the server repeats id and name', async () => {
    const head = {
      index: 0,
      id: 'call_1',
      type: 'function',
      function: { name: 'f', arguments: '{}' },
    };
    const { chunks } = await collect(
      chunksOf(
        sse(chunk({ tool_calls: [head] }), chunk({ tool_calls: [head] }), chunk({}, 'tool_calls')),
      ),
    );
    expect(chunks.flatMap((item) => item.choices[0]?.delta.toolCalls ?? [])).toEqual([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } },
      { index: 0, function: { arguments: '{}' } },
    ]);
  });

  it('errors with the typed error after what arrived when the server sends {"error":…}', async () => {
    const body = sse(chunk({ content: 'partial' }), {
      error: { message: 'The server had an error', type: 'server_error', param: null, code: null },
    });
    const { chunks, error } = await collect(chunksOf(body));
    expect(chunks.map((item) => item.choices[0]?.delta.content)).toEqual(['partial']);
    expect(APIError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      type: APIErrorType.SERVER_ERROR,
      retryable: true,
      message: 'The server had an error',
    });
  });

  it('reports a stream cut off before the finish as a network error', async () => {
    const { chunks, error } = await collect(chunksOf(sse(chunk({ content: 'par' }))));
    expect(chunks).toHaveLength(1);
    expect(error).toMatchObject({ type: APIErrorType.NETWORK_ERROR, code: 'stream_truncated' });
  });
});
