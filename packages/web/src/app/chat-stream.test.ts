import { describe, expect, it } from 'vitest';
import { GatewayRequestError } from './api-client.js';
import {
  type ChatStreamUpdate,
  chunkUpdates,
  listGatewayModels,
  streamChat,
} from './chat-stream.js';

function sseResponse(events: readonly string[], split = 7): Response {
  const wire = events.map((event) => `data: ${event}\n\n`).join('');
  const bytes = new TextEncoder().encode(wire);
  return new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < bytes.length; index += split) {
          controller.enqueue(bytes.slice(index, index + split));
        }
        controller.close();
      },
    }),
    { headers: { 'content-type': 'text/event-stream' } },
  );
}

async function collect(iterable: AsyncIterable<ChatStreamUpdate>): Promise<ChatStreamUpdate[]> {
  const updates: ChatStreamUpdate[] = [];
  for await (const update of iterable) updates.push(update);
  return updates;
}

describe('chunkUpdates', () => {
  it('reads reasoning, content, tool-call fragments, finish and usage', () => {
    expect(
      chunkUpdates({
        choices: [
          {
            delta: {
              reasoning_content: 'think',
              content: 'Hi',
              tool_calls: [
                { index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"ci' } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
        usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
      }),
    ).toEqual([
      { type: 'reasoning', text: 'think' },
      { type: 'content', text: 'Hi' },
      { type: 'tool-call', index: 0, id: 'call_1', name: 'get_weather', argumentsDelta: '{"ci' },
      { type: 'finish', reason: 'tool_calls' },
      { type: 'usage', promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    ]);
  });

  it('reads OpenRouter-style `reasoning`, argument-only fragments and in-stream errors', () => {
    expect(chunkUpdates({ choices: [{ delta: { reasoning: 'r' }, finish_reason: null }] })).toEqual(
      [{ type: 'reasoning', text: 'r' }],
    );
    expect(
      chunkUpdates({
        choices: [{ delta: { tool_calls: [{ index: 1, function: { arguments: 'ty"}' } }] } }],
      }),
    ).toEqual([{ type: 'tool-call', index: 1, argumentsDelta: 'ty"}' }]);
    expect(chunkUpdates({ error: { message: 'Overloaded', type: 'server_error' } })).toEqual([
      { type: 'error', message: 'Overloaded', errorType: 'server_error' },
    ]);
    expect(chunkUpdates('nonsense')).toEqual([]);
  });
});

describe('streamChat', () => {
  it('posts a streaming request with the gateway key and yields updates until [DONE]', async () => {
    const calls: Array<{ input: string; init: RequestInit | undefined }> = [];
    const updates = await collect(
      streamChat({
        gatewayKey: 'tbc_example',
        model: 'sim/gpt-4.1-mini',
        messages: [{ role: 'user', content: 'hi' }],
        fetch: async (input, init) => {
          calls.push({ input, init });
          return sseResponse([
            '{"choices":[{"index":0,"delta":{"role":"assistant","content":"Hel"}}]}',
            '{"choices":[{"index":0,"delta":{"content":"lo"},"finish_reason":"stop"}]}',
            '[DONE]',
            '{"choices":[{"index":0,"delta":{"content":"after done"}}]}',
          ]);
        },
      }),
    );
    expect(updates).toEqual([
      { type: 'content', text: 'Hel' },
      { type: 'content', text: 'lo' },
      { type: 'finish', reason: 'stop' },
    ]);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.input).toBe('/v1/chat/completions');
    expect(calls[0]?.init?.headers).toMatchObject({ authorization: 'Bearer tbc_example' });
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({
      model: 'sim/gpt-4.1-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
  });

  it('throws the gateway error of a refused request before yielding anything', async () => {
    const stream = streamChat({
      gatewayKey: 'tbc_wrong',
      model: 'sim/x',
      messages: [],
      fetch: async () =>
        Response.json(
          { error: { message: 'A valid gateway key is required', type: 'auth_failed' } },
          { status: 401 },
        ),
    });
    const failure = await collect(stream).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GatewayRequestError);
    expect(failure).toMatchObject({ status: 401, type: 'auth_failed' });
    expect(String(failure)).not.toContain('tbc_wrong');
  });
});

describe('listGatewayModels', () => {
  it('returns the model ids of GET /v1/models', async () => {
    const models = await listGatewayModels('tbc_example', async (input, init) => {
      expect(input).toBe('/v1/models');
      expect(init?.headers).toEqual({ authorization: 'Bearer tbc_example' });
      return Response.json({ object: 'list', data: [{ id: 'sim/a' }, { id: 'sim/b' }, {}] });
    });
    expect(models).toEqual(['sim/a', 'sim/b']);
  });
});
