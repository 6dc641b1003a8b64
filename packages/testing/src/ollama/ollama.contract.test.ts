import { Ollama } from 'ollama';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import type { ScriptedErrorKind } from '../script.js';
import { startOllamaSimulator } from './index.js';

let simulator: Simulator;
let client: Ollama;
beforeAll(async () => {
  simulator = await startOllamaSimulator();
  client = new Ollama({ host: simulator.baseUrl });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const user = [{ role: 'user', content: 'Hello' }];
const weatherTool = {
  type: 'function',
  function: {
    name: 'weather',
    description: 'Weather at a place',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};

/** Rejection of a promise, for asserting on the SDK's error. */
async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('the official ollama SDK against the simulator', () => {
  it('reads back text and usage without streaming', async () => {
    simulator.enqueue({ text: 'Hi there!', usage: { inputTokens: 12, outputTokens: 4 } });
    const response = await client.chat({ model: 'llama3.1:8b', messages: user, stream: false });
    expect(response.message).toEqual({ role: 'assistant', content: 'Hi there!' });
    expect(response.done).toBe(true);
    expect(response.done_reason).toBe('stop');
    expect(response.prompt_eval_count).toBe(12);
    expect(response.eval_count).toBe(4);
    expect(simulator.requests[0]!.body).toMatchObject({ model: 'llama3.1:8b', stream: false });
  });

  it('streams text pieces and ends with the usage line', async () => {
    simulator.enqueue({
      text: 'One two three four',
      chunkSize: 5,
      usage: { inputTokens: 7, outputTokens: 5 },
    });
    const stream = await client.chat({ model: 'llama3.1:8b', messages: user, stream: true });
    const parts: string[] = [];
    let last: Awaited<ReturnType<typeof client.chat>> | undefined;
    for await (const part of stream) {
      parts.push(part.message.content);
      last = part;
    }
    expect(parts.join('')).toBe('One two three four');
    expect(parts.length).toBe(5);
    expect(last?.done).toBe(true);
    expect(last?.prompt_eval_count).toBe(7);
    expect(last?.eval_count).toBe(5);
  });

  it('returns thinking before the answer when think is true, streamed and not', async () => {
    const turn = { reasoning: 'The user greets me.', text: 'Hello!', chunkSize: 6 };
    simulator.enqueue(turn, turn);
    const whole = await client.chat({ model: 'qwen3', messages: user, think: true, stream: false });
    expect(whole.message.thinking).toBe('The user greets me.');
    expect(whole.message.content).toBe('Hello!');
    const stream = await client.chat({ model: 'qwen3', messages: user, think: true, stream: true });
    let thinking = '';
    let content = '';
    for await (const part of stream) {
      if (part.message.thinking) {
        expect(content).toBe('');
        thinking += part.message.thinking;
      }
      content += part.message.content;
    }
    expect(thinking).toBe('The user greets me.');
    expect(content).toBe('Hello!');
  });

  it('reads parallel tool calls with object arguments, streamed and not', async () => {
    const turn = {
      toolCalls: [
        { name: 'weather', arguments: { city: 'Paris' } },
        { name: 'weather', arguments: { city: 'Tokyo' } },
      ],
    };
    simulator.enqueue(turn, turn);
    const expected = [
      { function: { name: 'weather', arguments: { city: 'Paris' } } },
      { function: { name: 'weather', arguments: { city: 'Tokyo' } } },
    ];
    const whole = await client.chat({
      model: 'llama3.1:8b',
      messages: user,
      tools: [weatherTool],
      stream: false,
    });
    expect(whole.message.tool_calls).toEqual(expected);
    const stream = await client.chat({
      model: 'llama3.1:8b',
      messages: user,
      tools: [weatherTool],
      stream: true,
    });
    const calls: unknown[] = [];
    for await (const part of stream) calls.push(...(part.message.tool_calls ?? []));
    expect(calls).toEqual(expected);
  });

  it('accepts a tool result continuing the conversation', async () => {
    simulator.enqueue({ text: 'Sunny in Paris.' });
    const response = await client.chat({
      model: 'llama3.1:8b',
      stream: false,
      tools: [weatherTool],
      messages: [
        ...user,
        {
          role: 'assistant',
          content: '',
          tool_calls: [{ function: { name: 'weather', arguments: { city: 'Paris' } } }],
        },
        { role: 'tool', content: '{"sky":"sunny"}', tool_name: 'weather' },
      ],
    });
    expect(response.message.content).toBe('Sunny in Paris.');
  });

  const statuses: Array<[ScriptedErrorKind, number]> = [
    ['auth', 401],
    ['permission', 403],
    ['not_found', 404],
    ['invalid_request', 400],
    ['context_length', 400],
    ['rate_limit', 429],
    ['quota', 429],
    ['server', 500],
    ['overloaded', 503],
    ['unavailable', 503],
    ['timeout', 504],
  ];
  it.each(statuses)('surfaces a %s error as ResponseError with status %i', async (kind, status) => {
    simulator.enqueue({ error: { kind, message: `scripted ${kind}` } });
    const error = await rejection(
      client.chat({ model: 'llama3.1:8b', messages: user, stream: false }),
    );
    expect(error.name).toBe('ResponseError');
    expect(error.status_code).toBe(status);
    expect(error.message).toBe(`scripted ${kind}`);
  });

  it('sends Retry-After on a 429 when the script says so', async () => {
    simulator.enqueue({ error: { kind: 'rate_limit', retryAfter: 7 } });
    const response = await fetch(`${simulator.baseUrl}/api/chat`, {
      method: 'POST',
      body: JSON.stringify({ model: 'm', messages: user }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('throws the mid-stream error line after the text that arrived', async () => {
    simulator.enqueue({
      text: 'abcdef',
      chunkSize: 2,
      streamError: { afterEvents: 2, kind: 'overloaded' },
    });
    const stream = await client.chat({ model: 'llama3.1:8b', messages: user, stream: true });
    const parts: string[] = [];
    const error = await rejection(
      (async () => {
        for await (const part of stream) parts.push(part.message.content);
      })(),
    );
    expect(parts).toEqual(['ab', 'cd']);
    expect(error.message).toContain('server busy');
  });

  it('rejects malformed requests with Ollama 400 bodies', async () => {
    const invalid = [
      { messages: user },
      { model: 'm', messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }] }] },
      { model: 'm', messages: [{ role: 'robot', content: 'x' }] },
      {
        model: 'm',
        messages: [
          {
            role: 'assistant',
            content: '',
            tool_calls: [{ function: { name: 'f', arguments: '{}' } }],
          },
        ],
      },
      {
        model: 'm',
        messages: [{ role: 'user', content: 'x', images: ['https://example.com/a.png'] }],
      },
      { model: 'm', messages: user, think: 'maybe' },
    ];
    for (const body of invalid) {
      const response = await fetch(`${simulator.baseUrl}/api/chat`, {
        method: 'POST',
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys((await response.json()) as object)).toEqual(['error']);
    }
    const options = await rejection(
      client.chat({
        model: 'm',
        messages: user,
        options: { num_ctx: '4096' as unknown as number },
      }),
    );
    expect(options.message).toBe('option "num_ctx" must be of type integer');
  });

  it('answers 404 for a model that is not installed when given a model list', async () => {
    const local = await startOllamaSimulator({
      models: [{ name: 'llama3.2:latest', family: 'llama' }],
    });
    try {
      const sdk = new Ollama({ host: local.baseUrl });
      const error = await rejection(sdk.chat({ model: 'nope', messages: user, stream: false }));
      expect(error.status_code).toBe(404);
      expect(error.message).toBe("model 'nope' not found");
      const list = await sdk.list();
      expect(list.models.map((model) => model.name)).toEqual(['llama3.2:latest']);
      expect(list.models[0]!.details.family).toBe('llama');
    } finally {
      await local.close();
    }
  });

  it('lists the recorded models and reports a version', async () => {
    const list = await client.list();
    expect(list.models.map((model) => model.name)).toEqual([
      'snowflake-arctic-embed:22m',
      'smollm:135m',
    ]);
    expect((await client.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('requires the Bearer key only when the simulator is given one (like ollama.com)', async () => {
    const cloud = await startOllamaSimulator({ apiKey: 'cloud-key' });
    try {
      const good = new Ollama({
        host: cloud.baseUrl,
        headers: { Authorization: 'Bearer cloud-key' },
      });
      expect((await good.chat({ model: 'gpt-oss:120b', messages: user })).message.content).toBe(
        'Hello from the simulator.',
      );
      const bad = new Ollama({ host: cloud.baseUrl, headers: { Authorization: 'Bearer wrong' } });
      const error = await rejection(bad.chat({ model: 'gpt-oss:120b', messages: user }));
      expect(error.status_code).toBe(401);
      expect(error.message).toBe('unauthorized');
    } finally {
      await cloud.close();
    }
  });

  it('stops writing when the client aborts the stream', async () => {
    simulator.enqueue({ text: 'x'.repeat(200), chunkSize: 1, chunkDelayMs: 5 });
    const stream = await client.chat({ model: 'llama3.1:8b', messages: user, stream: true });
    let seen = 0;
    await rejection(
      (async () => {
        for await (const _part of stream) {
          seen++;
          if (seen === 3) stream.abort();
        }
      })(),
    );
    await expect.poll(() => simulator.requests[0]!.aborted).toBe(true);
    expect(seen).toBeLessThan(200);
  });

  it('drops the connection mid-stream when scripted', async () => {
    simulator.enqueue({ text: 'abcdefgh', chunkSize: 2, dropAfterEvents: 2 });
    const stream = await client.chat({ model: 'llama3.1:8b', messages: user, stream: true });
    const parts: string[] = [];
    await rejection(
      (async () => {
        for await (const part of stream) parts.push(part.message.content);
      })(),
    );
    expect(parts).toEqual(['ab', 'cd']);
  });
});
