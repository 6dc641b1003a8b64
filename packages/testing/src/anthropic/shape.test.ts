import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startAnthropicSimulator } from './index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const recording = (name: string) =>
  JSON.parse(fixture(name)) as {
    response: {
      status: number;
      statusText: string;
      headers: Record<string, string>;
      body?: string;
    };
  };

interface Event {
  event: string;
  data: string;
}
const parseSSE = (text: string): Event[] =>
  text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      return {
        event: (lines.find((line) => line.startsWith('event: ')) ?? '').slice(7),
        data: (lines.find((line) => line.startsWith('data: ')) ?? '').slice(6),
      };
    });

/** Keys (in order) of every object inside a value; arrays by their first element. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (typeof value !== 'object' || value === null) return value === null ? null : typeof value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]));
}
const keyOrder = (value: unknown): string =>
  JSON.stringify(shape(value), (_key, inner: unknown) => inner);

/** Event kind: the name plus the block or delta type, so each variant is compared on its own. */
function kind(event: Event): string {
  const data = JSON.parse(event.data) as Record<string, { type?: string } | undefined>;
  const inner =
    data.content_block?.type ??
    (event.event === 'content_block_delta' ? data.delta?.type : undefined);
  return inner ? `${event.event}:${inner}` : event.event;
}
const collapse = (kinds: string[]) => kinds.filter((name, index) => name !== kinds[index - 1]);
const shapesByKind = (events: Event[]) => {
  const shapes = new Map<string, string>();
  for (const event of events) shapes.set(kind(event), keyOrder(JSON.parse(event.data)));
  return shapes;
};

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startAnthropicSimulator();
});
afterAll(() => simulator.close());

async function post(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${simulator.baseUrl}/v1/messages`, {
    method: 'POST',
    headers: {
      'x-api-key': simulator.apiKey,
      'anthropic-version': '2023-06-01',
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify({ model: 'claude-haiku-4-5-20251001', max_tokens: 4096, ...body }),
  });
}
const hi = [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }];
const weather = {
  name: 'weather',
  description: 'Weather',
  input_schema: { type: 'object', properties: { latitude: { type: 'string' } } },
};
const thinking = { type: 'enabled', budget_tokens: 1024 };

describe('the Anthropic simulator matches the recorded wire format', () => {
  it.each([
    ['stream-text.sse', { text: '1\n2\n3' }, {}],
    [
      'stream-tool-use.sse',
      { toolCalls: [{ name: 'weather', arguments: { latitude: '52.52' } }] },
      { tools: [weather] },
    ],
    [
      'stream-thinking.sse',
      {
        reasoning: 'Let me think.',
        text: 'Answer.',
        usage: { inputTokens: 80, outputTokens: 3, reasoningTokens: 5 },
      },
      { thinking },
    ],
  ])('streams %s with the same event order and keys', async (name, turn, extra) => {
    simulator.enqueue(turn);
    const response = await post({ messages: hi, stream: true, ...extra });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    const simulated = parseSSE(await response.text());
    const recorded = parseSSE(fixture(name));
    expect(collapse(simulated.map(kind))).toEqual(collapse(recorded.map(kind)));
    const recordedShapes = shapesByKind(recorded);
    const simulatedShapes = shapesByKind(simulated);
    for (const [eventKind, keys] of recordedShapes) {
      // message_start reports output tokens without details in both; compare everything.
      expect([eventKind, simulatedShapes.get(eventKind)]).toEqual([eventKind, keys]);
    }
    expect(simulated.find((event) => event.event === 'ping')?.data).toBe('{"type": "ping"}');
  });

  it('sends the first input_json_delta empty, as recorded', async () => {
    simulator.enqueue({ toolCalls: [{ name: 'weather', arguments: { latitude: '1' } }] });
    const events = parseSSE(
      await (await post({ messages: hi, stream: true, tools: [weather] })).text(),
    );
    const first = events.find((event) => event.event === 'content_block_delta');
    expect(JSON.parse(first!.data).delta).toEqual({ type: 'input_json_delta', partial_json: '' });
  });

  it.each([
    ['message.http.json', { text: '2 + 2 = 4' }, {}],
    [
      'message.parallel-tool-use.http.json',
      {
        toolCalls: [
          { name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } },
          { name: 'best_language_to_learn', arguments: {} },
        ],
      },
      { tools: [weather, { name: 'best_language_to_learn', input_schema: { type: 'object' } }] },
    ],
    [
      'message.thinking.http.json',
      {
        reasoning: 'Hmm.',
        text: 'Yes.',
        usage: { inputTokens: 80, outputTokens: 3, reasoningTokens: 5 },
      },
      { thinking },
    ],
  ])('answers like %s without streaming', async (name, turn, extra) => {
    simulator.enqueue(turn);
    const response = await post({ messages: hi, ...extra });
    const recorded = recording(name).response;
    expect(response.headers.get('content-type')).toBe('application/json');
    const rateLimitNames = (names: Iterable<string>) =>
      [...names]
        .map((header) => header.toLowerCase())
        .filter((header) => header.startsWith('anthropic-ratelimit-'))
        .sort();
    expect(rateLimitNames(response.headers.keys())).toEqual(
      rateLimitNames(Object.keys(recorded.headers)),
    );
    expect(keyOrder(await response.json())).toBe(keyOrder(JSON.parse(recorded.body!)));
  });

  it.each([
    ['error.401-authentication-error.http.json', { 'x-api-key': 'wrong' }, undefined],
    ['error.400-prompt-too-long.http.json', {}, 'context_length'],
    ['error.429-rate-limit-retry-after.http.json', {}, 'rate_limit'],
    ['error.529-overloaded.http.json', {}, 'overloaded'],
  ] as const)(
    'renders %s with the recorded status, body and retry headers',
    async (name, headers, errorKind) => {
      if (errorKind)
        simulator.enqueue({
          error: {
            kind: errorKind,
            retryAfter: errorKind === 'rate_limit' ? 65 : undefined,
          } as never,
        });
      const response = await post({ messages: hi }, headers);
      const recorded = recording(name).response;
      expect(response.status).toBe(recorded.status);
      expect(response.statusText).toBe(recorded.statusText);
      const body = (await response.json()) as { error: { type: string } };
      // The 2025 429 recording predates `request_id` in bodies; its 2026 sibling has it.
      const bodyName = name.includes('429') ? 'error.429-rate-limit.http.json' : name;
      const recordedBody = JSON.parse(recording(bodyName).response.body!) as {
        error: { type: string };
      };
      expect(keyOrder(body)).toBe(keyOrder(recordedBody));
      expect(body.error.type).toBe(recordedBody.error.type);
      expect(response.headers.get('x-should-retry')).toBe(recorded.headers['X-Should-Retry']);
      expect(response.headers.get('retry-after')).toBe(recorded.headers['Retry-After'] ?? null);
      expect(response.headers.get('request-id')).toMatch(/^req_/);
    },
  );

  it('sends the in-stream error event as recorded, on HTTP 200', async () => {
    simulator.enqueue({ text: 'x', streamError: { afterEvents: 0, kind: 'overloaded' } });
    const response = await post({ messages: hi, stream: true });
    expect(response.status).toBe(200);
    const [simulated] = parseSSE(await response.text());
    const [recorded] = parseSSE(fixture('stream-error-overloaded.sse'));
    expect(simulated!.event).toBe('error');
    expect(JSON.parse(simulated!.data)).toEqual(JSON.parse(recorded!.data));
  });

  it('lists models in the recorded shape', async () => {
    const response = await fetch(`${simulator.baseUrl}/v1/models`, {
      headers: { 'x-api-key': simulator.apiKey, 'anthropic-version': '2023-06-01' },
    });
    const recorded = JSON.parse(recording('models-list.http.json').response.body!);
    expect(keyOrder(await response.json())).toBe(keyOrder(recorded));
  });
});
