import Anthropic, { type APIError } from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import type { ScriptedErrorKind } from '../script.js';
import { startAnthropicSimulator } from './index.js';

let simulator: Simulator;
let client: Anthropic;
beforeAll(async () => {
  simulator = await startAnthropicSimulator();
  client = new Anthropic({ apiKey: simulator.apiKey, baseURL: simulator.baseUrl, maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const model = 'claude-haiku-4-5';
const hello = [{ role: 'user' as const, content: 'Hello' }];
const weather = {
  name: 'weather',
  description: 'Weather at a place',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } } },
};
const clock = { name: 'clock', input_schema: { type: 'object' as const, properties: {} } };

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the official @anthropic-ai/sdk against the simulator', () => {
  it('reads back text and usage without streaming', async () => {
    simulator.enqueue({
      text: 'Hi there!',
      usage: { inputTokens: 12, outputTokens: 4, cachedTokens: 100, cacheWriteTokens: 50 },
    });
    const message = await client.messages.create({ model, max_tokens: 100, messages: hello });
    expect(message.content).toEqual([{ type: 'text', text: 'Hi there!' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.model).toBe(model);
    expect(message.id).toMatch(/^msg_/);
    expect(message.usage).toMatchObject({
      input_tokens: 12,
      output_tokens: 4,
      cache_read_input_tokens: 100,
      cache_creation_input_tokens: 50,
    });
    // The v1 SDK speaks API version 2026-10-21, which takes the key as a bearer token.
    expect(simulator.requests[0]!.headers.authorization).toBe(`Bearer ${simulator.apiKey}`);
    expect(simulator.requests[0]!.headers['anthropic-version']).toBe('2026-10-21');
  });

  it('streams text deltas and accumulates the same message', async () => {
    simulator.enqueue({
      text: 'One two three four',
      chunkSize: 5,
      usage: { inputTokens: 7, outputTokens: 5 },
    });
    const stream = client.messages.stream({ model, max_tokens: 100, messages: hello });
    const pieces: string[] = [];
    stream.on('text', (text) => pieces.push(text));
    const message = await stream.finalMessage();
    expect(pieces).toEqual(['One t', 'wo th', 'ree f', 'our']);
    expect(message.content).toEqual([{ type: 'text', text: 'One two three four' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toMatchObject({ input_tokens: 7, output_tokens: 5 });
  });

  it('reads parallel tool calls, streamed and not, and takes the tool results back', async () => {
    const calls = [
      { id: 'toolu_01A', name: 'weather', arguments: { city: 'Berlin' } },
      { id: 'toolu_01B', name: 'clock', arguments: {} },
    ];
    simulator.enqueue({ toolCalls: calls }, { toolCalls: calls, chunkSize: 4 }, { text: 'Done.' });
    const request = { model, max_tokens: 100, messages: hello, tools: [weather, clock] };
    const plain = await client.messages.create(request);
    const streamed = await client.messages.stream(request).finalMessage();
    for (const message of [plain, streamed]) {
      expect(message.stop_reason).toBe('tool_use');
      expect(message.content).toEqual([
        {
          type: 'tool_use',
          id: 'toolu_01A',
          name: 'weather',
          input: { city: 'Berlin' },
          caller: { type: 'direct' },
        },
        { type: 'tool_use', id: 'toolu_01B', name: 'clock', input: {}, caller: { type: 'direct' } },
      ]);
    }
    const answer = await client.messages.create({
      ...request,
      messages: [
        ...hello,
        {
          role: 'assistant',
          content: plain.content.map((block) => {
            const { type, id, name, input } = block as unknown as Record<string, unknown>;
            return { type, id, name, input };
          }) as never,
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01A', content: '15°C' },
            { type: 'tool_result', tool_use_id: 'toolu_01B', content: '12:00', is_error: false },
          ],
        },
      ],
    });
    expect(answer.content).toEqual([{ type: 'text', text: 'Done.' }]);
  });

  it('returns signed thinking and accepts it replayed verbatim, rejecting a modified one', async () => {
    simulator.enqueue({
      reasoning: 'Let me think.',
      text: 'Answer.',
      toolCalls: [{ id: 'toolu_01C', name: 'clock', arguments: {} }],
    });
    const thinking = { type: 'enabled' as const, budget_tokens: 1024 };
    const first = await client.messages
      .stream({ model, max_tokens: 2048, thinking, tools: [clock], messages: hello })
      .finalMessage();
    const block = first.content[0];
    expect(block).toMatchObject({ type: 'thinking', thinking: 'Let me think.' });
    const signature = (block as { signature: string }).signature;
    expect(signature.length).toBeGreaterThan(20);
    const replay = (thinkingText: string) => [
      ...hello,
      {
        role: 'assistant' as const,
        content: [
          { type: 'thinking' as const, thinking: thinkingText, signature },
          { type: 'tool_use' as const, id: 'toolu_01C', name: 'clock', input: {} },
        ],
      },
      {
        role: 'user' as const,
        content: [{ type: 'tool_result' as const, tool_use_id: 'toolu_01C', content: 'noon' }],
      },
    ];
    simulator.enqueue({ text: 'It is noon.' });
    const second = await client.messages.create({
      model,
      max_tokens: 2048,
      thinking,
      tools: [clock],
      messages: replay('Let me think.'),
    });
    expect(second.content).toEqual([{ type: 'text', text: 'It is noon.' }]);
    const error = await rejection(
      client.messages.create({
        model,
        max_tokens: 2048,
        thinking,
        tools: [clock],
        messages: replay('Let me think!'),
      }),
    );
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as APIError).message).toContain('Invalid `signature` in `thinking` block');
  });

  it('rejects sampling parameters under API version 2026-10-21, as the real API does', async () => {
    const error = await rejection(
      client.messages.create({ model, max_tokens: 10, messages: hello, temperature: 0.5 } as never),
    );
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as APIError).message).toContain('temperature');
  });

  it('rejects a wrong key with AuthenticationError and the request id', async () => {
    const stranger = new Anthropic({ apiKey: 'wrong', baseURL: simulator.baseUrl, maxRetries: 0 });
    const error = await rejection(
      stranger.messages.create({ model, max_tokens: 10, messages: hello }),
    );
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as APIError).status).toBe(401);
    expect((error as APIError).requestID).toMatch(/^req_/);
  });

  const kinds: Array<[ScriptedErrorKind, number, new (...args: never[]) => Error]> = [
    ['auth', 401, Anthropic.AuthenticationError],
    ['permission', 403, Anthropic.PermissionDeniedError],
    ['not_found', 404, Anthropic.NotFoundError],
    ['invalid_request', 400, Anthropic.BadRequestError],
    ['context_length', 400, Anthropic.BadRequestError],
    ['rate_limit', 429, Anthropic.RateLimitError],
    ['quota', 402, Anthropic.APIError],
    ['server', 500, Anthropic.InternalServerError],
    ['overloaded', 529, Anthropic.InternalServerError],
    ['unavailable', 503, Anthropic.InternalServerError],
    ['timeout', 504, Anthropic.InternalServerError],
  ];
  it.each(kinds)(
    'surfaces the %s error as the SDK class for status %i',
    async (kind, status, errorClass) => {
      simulator.enqueue({ error: { kind, retryAfter: 7 } });
      const error = await rejection(
        client.messages.create({ model, max_tokens: 10, messages: hello }),
      );
      expect(error).toBeInstanceOf(errorClass);
      expect((error as APIError).status).toBe(status);
      if (kind === 'rate_limit') expect((error as APIError).headers?.get('retry-after')).toBe('7');
    },
  );

  it('surfaces an in-stream overloaded error after the text that arrived', async () => {
    simulator.enqueue({
      text: 'partial answer',
      chunkSize: 4,
      streamError: { afterEvents: 5, kind: 'overloaded' },
    });
    const stream = await client.messages.create({
      model,
      max_tokens: 10,
      messages: hello,
      stream: true,
    });
    const types: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const event of stream) types.push(event.type);
      })(),
    );
    expect(types).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
    ]);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as APIError).type).toBe('overloaded_error');
  });

  it('lists models with the SDK pager', async () => {
    const ids: string[] = [];
    for await (const entry of client.models.list({ limit: 3 })) ids.push(entry.id);
    expect(ids).toContain('claude-haiku-4-5-20251001');
    expect(ids.length).toBe(7);
    expect(simulator.requests.length).toBe(3);
  });

  it('sees the client abort a stream', async () => {
    simulator.enqueue({ text: 'a long answer that takes a while', chunkSize: 2, chunkDelayMs: 20 });
    const stream = await client.messages.create({
      model,
      max_tokens: 10,
      messages: hello,
      stream: true,
    });
    for await (const event of stream) {
      if (event.type === 'content_block_delta') break;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(simulator.requests[0]!.aborted).toBe(true);
  });
});
