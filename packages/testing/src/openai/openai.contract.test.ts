import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import type { ScriptedErrorKind, ScriptedTurn } from '../script.js';
import { startLMStudioSimulator, startOpenAISimulator } from './index.js';

let simulator: Simulator;
let client: OpenAI;

beforeAll(async () => {
  simulator = await startOpenAISimulator();
  client = new OpenAI({ apiKey: simulator.apiKey, baseURL: simulator.baseUrl, maxRetries: 0 });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const user = (content: string) => [{ role: 'user' as const, content }];

const toolTurn: ScriptedTurn = {
  toolCalls: [
    {
      id: 'call_weather0000000000000000',
      name: 'weather',
      arguments: { latitude: '52.52', longitude: '13.40' },
    },
    { id: 'call_language000000000000000', name: 'best_language_to_learn', arguments: {} },
  ],
  usage: { inputTokens: 100, outputTokens: 54, cachedTokens: 13 },
};

const tools = [
  { type: 'function' as const, function: { name: 'weather', parameters: { type: 'object' } } },
  {
    type: 'function' as const,
    function: { name: 'best_language_to_learn', parameters: { type: 'object' } },
  },
];

describe('OpenAI SDK against the simulator', () => {
  it('reads a non-streaming text answer and its usage', async () => {
    simulator.enqueue({
      text: '2 + 2 equals 4.',
      usage: { inputTokens: 10, outputTokens: 8, cachedTokens: 4, reasoningTokens: 64 },
    });
    const completion = await client.chat.completions.create({
      model: 'o3-mini',
      messages: user('2+2?'),
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.choices[0]?.message.content).toBe('2 + 2 equals 4.');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 14,
      completion_tokens: 72,
      total_tokens: 86,
      prompt_tokens_details: { cached_tokens: 4 },
      completion_tokens_details: { reasoning_tokens: 64 },
    });
  });

  it('reads parallel tool calls, streaming and not', async () => {
    simulator.enqueue(toolTurn, { ...toolTurn, chunkSize: 3 });
    const completion = await client.chat.completions.create({
      model: 'gpt-4.1-nano',
      messages: user('go'),
      tools,
    });
    const message = completion.choices[0]?.message;
    expect(message?.content).toBeNull();
    expect(
      message?.tool_calls?.map(
        (call) =>
          call.type === 'function' && [call.id, call.function.name, call.function.arguments],
      ),
    ).toEqual([
      ['call_weather0000000000000000', 'weather', '{"latitude":"52.52","longitude":"13.40"}'],
      ['call_language000000000000000', 'best_language_to_learn', '{}'],
    ]);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');

    const stream = client.chat.completions.stream({
      model: 'gpt-4.1-nano',
      messages: user('go'),
      tools,
      stream_options: { include_usage: true },
    });
    const final = await stream.finalChatCompletion();
    expect(final.choices[0]?.message.tool_calls).toEqual(message?.tool_calls);
    expect(final.choices[0]?.finish_reason).toBe('tool_calls');
    expect(final.usage).toMatchObject({
      prompt_tokens: 113,
      completion_tokens: 54,
      total_tokens: 167,
    });
  });

  it('streams text deltas with a final usage chunk', async () => {
    simulator.enqueue({
      text: 'Count: 1, 2, 3',
      chunkSize: 4,
      usage: { inputTokens: 14, outputTokens: 7 },
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1-nano',
      messages: user('count'),
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const finishes: Array<string | null> = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.choices[0]) finishes.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Count: 1, 2, 3');
    expect(finishes.at(-1)).toBe('stop');
    expect(usage).toMatchObject({ prompt_tokens: 14, completion_tokens: 7, total_tokens: 21 });
  });

  it('sends no usage chunk without include_usage', async () => {
    simulator.enqueue({ text: 'hi' });
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: user('x'),
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => !('usage' in chunk) && chunk.choices.length === 1)).toBe(true);
  });

  it('lists models', async () => {
    const ids = [];
    for await (const model of client.models.list()) ids.push(model.id);
    expect(ids).toContain('gpt-4.1-mini');
    expect((await client.models.retrieve('gpt-5')).id).toBe('gpt-5');
  });

  const errorCases: Array<[ScriptedErrorKind, number, new (...args: never[]) => APIError]> = [
    ['auth', 401, OpenAI.AuthenticationError],
    ['permission', 403, OpenAI.PermissionDeniedError],
    ['not_found', 404, OpenAI.NotFoundError],
    ['invalid_request', 400, OpenAI.BadRequestError],
    ['context_length', 400, OpenAI.BadRequestError],
    ['rate_limit', 429, OpenAI.RateLimitError],
    ['quota', 429, OpenAI.RateLimitError],
    ['server', 500, OpenAI.InternalServerError],
    ['overloaded', 503, OpenAI.InternalServerError],
    ['unavailable', 503, OpenAI.InternalServerError],
    ['timeout', 504, OpenAI.InternalServerError],
  ];
  it.each(errorCases)(
    'surfaces %s as the SDK error class with status %i',
    async (kind, status, errorClass) => {
      simulator.enqueue({ error: { kind, retryAfter: 7 } });
      const failure = await client.chat.completions
        .create({ model: 'gpt-4.1', messages: user('x') })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(errorClass);
      const apiError = failure as APIError;
      expect(apiError.status).toBe(status);
      expect(apiError.requestID).toMatch(/^req_[0-9a-f]{32}$/);
      if (kind === 'quota') expect(apiError.code).toBe('insufficient_quota');
      if (kind === 'context_length') expect(apiError.code).toBe('context_length_exceeded');
      if (kind === 'rate_limit') {
        expect(apiError.code).toBe('rate_limit_exceeded');
        expect(apiError.headers?.get('retry-after')).toBe('7');
        expect(apiError.headers?.get('x-ratelimit-remaining-tokens')).toBe('0');
      }
    },
  );

  it('rejects a wrong key with invalid_api_key', async () => {
    const wrong = new OpenAI({ apiKey: 'wrong-key', baseURL: simulator.baseUrl, maxRetries: 0 });
    const failure = await wrong.models.list().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((failure as APIError).code).toBe('invalid_api_key');
  });

  it('surfaces an in-stream error as an APIError after the deltas that arrived', async () => {
    simulator.enqueue({
      text: 'abcdefghijklmnop',
      chunkSize: 4,
      streamError: { afterEvents: 2, kind: 'server' },
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1',
      messages: user('x'),
      stream: true,
    });
    let text = '';
    const failure = await (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    })().catch((error: unknown) => error);
    expect(text).toBe('abcdefgh');
    expect(failure).toBeInstanceOf(APIError);
    expect((failure as APIError).type).toBe('server_error');
  });

  it('answers an invalid conversation with the real 400', async () => {
    const failure = await client.chat.completions
      .create({
        model: 'gpt-4.1',
        messages: [{ role: 'tool', tool_call_id: 'call_1', content: 'x' }],
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as APIError).message).toContain("messages with role 'tool' must be a response");
  });
});

describe('LM Studio mode', () => {
  it('sends reasoning_content, streaming and not, and needs no key', async () => {
    const lmstudio = await startLMStudioSimulator();
    try {
      const keyless = new OpenAI({ apiKey: 'unused', baseURL: lmstudio.baseUrl, maxRetries: 0 });
      lmstudio.enqueue(
        { reasoning: 'Think first.', text: 'Answer.' },
        { reasoning: 'Think first.', text: 'Answer.' },
      );
      const completion = await keyless.chat.completions.create({
        model: 'qwen/qwen3-8b',
        messages: user('q'),
      });
      const message = completion.choices[0]?.message as unknown as Record<string, unknown>;
      expect(message.reasoning_content).toBe('Think first.');
      expect(message.content).toBe('Answer.');
      const stream = await keyless.chat.completions.create({
        model: 'qwen/qwen3-8b',
        messages: user('q'),
        stream: true,
      });
      let reasoning = '';
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta as Record<string, unknown> | undefined;
        if (typeof delta?.reasoning_content === 'string') reasoning += delta.reasoning_content;
      }
      expect(reasoning).toBe('Think first.');
    } finally {
      await lmstudio.close();
    }
  });
});
