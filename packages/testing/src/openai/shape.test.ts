import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startLMStudioSimulator, startOpenAISimulator } from './index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const recording = (name: string) =>
  JSON.parse(fixture(name)) as {
    response: {
      status: number;
      headers: Record<string, unknown>;
      body?: string;
      bodyJson?: unknown;
    };
  };

/** Key names in order, recursively: the shape two bodies must share. */
function keyShape(value: unknown): string {
  if (Array.isArray(value)) return `[${[...new Set(value.map(keyShape))].join('|')}]`;
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return `{${Object.entries(value)
    .map(([key, inner]) => `${key}:${keyShape(inner)}`)
    .join(',')}}`;
}

/** The `data:` payloads of an SSE body. */
const dataLines = (body: string) =>
  body
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));

interface ChunkLike {
  choices: Array<{ delta: Record<string, unknown>; finish_reason: string | null }>;
}

function eventClass(data: string): string {
  if (data === '[DONE]') return 'done';
  const chunk = JSON.parse(data) as ChunkLike;
  const choice = chunk.choices[0];
  if (!choice) return 'usage';
  if (choice.finish_reason !== null) return 'finish';
  if (choice.delta.role) return 'role';
  const calls = choice.delta.tool_calls as Array<Record<string, unknown>> | undefined;
  if (calls)
    return calls[0]?.id
      ? `tool-head-${String(calls[0].index)}`
      : `tool-args-${String(calls[0]?.index)}`;
  return 'content';
}

/** Event classes in order with repeats collapsed, and the key shape of each class's first event. */
function describeStream(body: string) {
  const order: string[] = [];
  const shapes = new Map<string, string>();
  for (const data of dataLines(body)) {
    const kind = eventClass(data);
    if (order.at(-1) !== kind) order.push(kind);
    if (!shapes.has(kind) && kind !== 'done') shapes.set(kind, keyShape(JSON.parse(data)));
  }
  return { order, shapes: Object.fromEntries(shapes) };
}

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startOpenAISimulator();
});
afterAll(() => simulator.close());

async function post(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${simulator.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const weatherTool = {
  type: 'function',
  function: { name: 'weather', parameters: { type: 'object' } },
};
const languageTool = {
  type: 'function',
  function: { name: 'best_language_to_learn', parameters: { type: 'object' } },
};

describe('simulator output matches the recordings', () => {
  it('non-streaming text body', async () => {
    simulator.enqueue({ text: '2 + 2 equals 4.' });
    const response = await post({
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user', content: "What's 2 + 2?" }],
    });
    const recorded = recording('chat-completion.http.json').response;
    const text = await response.text();
    expect(keyShape(JSON.parse(text))).toBe(keyShape(JSON.parse(recorded.body ?? '')));
    expect(text.startsWith('{\n  "id": "chatcmpl-')).toBe(true);
    expect(response.headers.get('content-type')).toBe(recorded.headers['Content-Type']);
    for (const name of Object.keys(recorded.headers).filter((header) =>
      /^x-ratelimit|^openai-|^x-request-id$/i.test(header),
    )) {
      expect(response.headers.has(name), name).toBe(true);
    }
  });

  it('non-streaming parallel tool calls', async () => {
    simulator.enqueue({
      toolCalls: [
        { name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } },
        { name: 'best_language_to_learn', arguments: {} },
      ],
    });
    const response = await post({
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user', content: 'go' }],
      tools: [weatherTool, languageTool],
    });
    const body = (await response.json()) as {
      choices: Array<{ message: { tool_calls: Array<{ id: string }> } }>;
    };
    const recorded = JSON.parse(
      recording('chat-completion.parallel-tool-calls.http.json').response.body ?? '',
    );
    expect(keyShape(body)).toBe(keyShape(recorded));
    for (const call of body.choices[0]?.message.tool_calls ?? [])
      expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });

  it('streamed text with include_usage', async () => {
    simulator.enqueue({ text: '1, 2, 3', chunkSize: 1 });
    const response = await post({
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user', content: 'Count from 1 to 3' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = await response.text();
    expect(describeStream(body)).toEqual(
      describeStream(fixture('chat-completion.stream-text.sse')),
    );
    expect(body.endsWith('data: [DONE]\n\n')).toBe(true);
  });

  it('streamed tool call with include_usage', async () => {
    simulator.enqueue({
      toolCalls: [{ name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } }],
    });
    const response = await post({
      model: 'gpt-4.1-nano',
      messages: [{ role: 'user', content: 'weather?' }],
      stream: true,
      tools: [weatherTool],
      stream_options: { include_usage: true },
    });
    expect(describeStream(await response.text())).toEqual(
      describeStream(fixture('chat-completion.stream-tool-call.sse')),
    );
  });

  it('streamed parallel tool calls: event order of the recording', async () => {
    simulator.enqueue({
      toolCalls: [
        { name: 'GetWeatherArgs', arguments: { city: 'Edinburgh', country: 'UK', units: 'c' } },
        { name: 'GetWeatherArgs', arguments: { city: 'New York City', country: 'US', units: 'f' } },
      ],
    });
    const response = await post({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'weather?' }],
      stream: true,
      tools: [
        { type: 'function', function: { name: 'GetWeatherArgs', parameters: { type: 'object' } } },
      ],
      stream_options: { include_usage: true },
    });
    const simulated = describeStream(await response.text());
    const recorded = describeStream(fixture('chat-completion.stream-parallel-tool-calls.sse'));
    expect(simulated.order).toEqual(recorded.order);
    // The 2024 recording predates `service_tier`, `usage:null` and `obfuscation`; the deltas match.
    const delta = (shape: string | undefined) =>
      /"?delta:(\{.*?\}),logprobs/.exec(shape ?? '')?.[1];
    for (const kind of ['tool-head-0', 'tool-args-0', 'tool-head-1', 'tool-args-1']) {
      expect(delta(simulated.shapes[kind]), kind).toBe(delta(recorded.shapes[kind]));
    }
  });

  it('error bodies and headers', async () => {
    const cases: Array<[Parameters<typeof simulator.enqueue>[0], string]> = [
      [{ error: { kind: 'auth' } }, 'error.401-invalid-api-key.http.json'],
      [{ error: { kind: 'rate_limit' } }, 'error.429-rate-limit-exceeded.http.json'],
      [{ error: { kind: 'not_found' } }, 'error.404-model-not-found.http.json'],
    ];
    for (const [turn, name] of cases) {
      simulator.enqueue(turn);
      const response = await post({
        model: 'gpt-4.1-nano',
        messages: [{ role: 'user', content: 'x' }],
      });
      const recorded = recording(name).response;
      const text = await response.text();
      expect(response.status).toBe(recorded.status);
      const recordedBody =
        recorded.body === undefined ? recorded.bodyJson : JSON.parse(recorded.body);
      expect(Object.keys((JSON.parse(text) as { error: object }).error).sort()).toEqual(
        Object.keys((recordedBody as { error: object }).error).sort(),
      );
      if (recorded.body !== undefined) {
        expect(keyShape(JSON.parse(text))).toBe(keyShape(recordedBody));
        expect(text.startsWith('{\n    "error": {\n')).toBe(true);
      }
      for (const header of Object.keys(recorded.headers).filter((key) =>
        /^x-ratelimit|^x-request-id$/i.test(key),
      )) {
        expect(response.headers.has(header), header).toBe(true);
      }
    }
    const simulatedQuote = await post({ model: 'gpt-4.1-nano', messages: [], stream: false });
    expect(keyShape(await simulatedQuote.json())).toBe(
      keyShape(JSON.parse(fixture('error.400-context-length-exceeded.chat.issue-quote.json'))),
    );
  });

  it('reasoning models reject max_tokens with the recorded body', async () => {
    const response = await post({
      model: 'o3-mini',
      messages: [{ role: 'user', content: 'x' }],
      max_tokens: 5,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      JSON.parse(fixture('error.400-unsupported-parameter.body.json')),
    );
  });

  it('model lists in OpenAI and LM Studio shapes', async () => {
    const response = await fetch(`${simulator.baseUrl}/models`, {
      headers: { authorization: `Bearer ${simulator.apiKey}` },
    });
    const recorded = JSON.parse(recording('models-list.http.json').response.body ?? '');
    expect(keyShape(await response.json())).toBe(keyShape(recorded));
    const lmstudio = await startLMStudioSimulator();
    try {
      const local = await fetch(`${lmstudio.baseUrl}/models`);
      expect(keyShape(await local.json())).toBe(
        keyShape(JSON.parse(fixture('lmstudio-v1-models.issue-quote.json'))),
      );
    } finally {
      await lmstudio.close();
    }
  });
});
