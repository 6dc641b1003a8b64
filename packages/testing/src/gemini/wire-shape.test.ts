import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startGeminiSimulator } from './index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const recording = (name: string) =>
  JSON.parse(fixture(name)) as {
    response: { status: number; headers: Record<string, unknown>; body?: string };
  };

/** Keys in order, recursively; leaves become their type. Arrays become the set of element shapes. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) {
    const shapes = value.map(shape).map((item) => JSON.stringify(item));
    return [...new Set(shapes)].map((item) => JSON.parse(item) as unknown);
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).map(([key, item]) => [
      key,
      shape(item),
    ]);
  }
  return typeof value;
}

/** The `data:` payloads of an SSE body, checking Gemini's CRLF CRLF framing on the way. */
function sseEvents(body: string): unknown[] {
  expect(body.endsWith('\r\n\r\n')).toBe(true);
  const events = body.split('\r\n\r\n').filter((event) => event !== '');
  for (const event of events) expect(event.startsWith('data: ')).toBe(true);
  return events.map((event) => JSON.parse(event.slice('data: '.length)) as unknown);
}

const signaturePattern = /"thoughtSignature": "[^"]+"/g;

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startGeminiSimulator();
});
afterAll(() => simulator.close());

const post = (model: string, method: string, body: unknown) =>
  fetch(`${simulator.origin}/v1beta/models/${model}:${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': simulator.apiKey },
    body: JSON.stringify(body),
  });

const hello = { contents: [{ role: 'user', parts: [{ text: 'Hello' }] }] };

describe('Gemini simulator output against the recordings', () => {
  it('renders generate-content.http.json byte for byte', async () => {
    simulator.enqueue({
      text: '2 + 2 = **4**',
      id: 'Cr-FaqLbNpfYkdUP-bmpoAw',
      usage: { inputTokens: 10, outputTokens: 8, reasoningTokens: 23 },
    });
    const response = await post('gemini-2.5-flash', 'generateContent', hello);
    const recorded = recording('generate-content.http.json').response;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(recorded.headers['Content-Type']);
    expect(response.headers.get('x-gemini-service-tier')).toBe('standard');
    expect(await response.text()).toBe(recorded.body);
  });

  it('renders parallel function calls like the recording (signature on the first call only)', async () => {
    simulator.enqueue({
      id: 'S7-FaruuCO2qnsEPoOCUgQg',
      toolCalls: [
        { name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } },
        { name: 'best_language_to_learn', arguments: {} },
      ],
      usage: { inputTokens: 143, outputTokens: 44, reasoningTokens: 109 },
    });
    const response = await post('gemini-2.5-flash', 'generateContent', hello);
    const recorded = recording('generate-content.parallel-function-calls.http.json').response.body!;
    const text = await response.text();
    expect(text.replace(signaturePattern, '"thoughtSignature": "<SIG>"')).toBe(
      recorded.replace(signaturePattern, '"thoughtSignature": "<SIG>"'),
    );
  });

  it('streams a whole function call in one event like stream-function-call.sse', async () => {
    simulator.enqueue({
      id: 'U7-Fao_EK_-VvdIP1-aJ8Qo',
      toolCalls: [{ name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } }],
      usage: { inputTokens: 103, outputTokens: 30, reasoningTokens: 43 },
    });
    const response = await post('gemini-2.5-flash', 'streamGenerateContent?alt=sse', hello);
    const recorded = recording('stream-function-call.http.json').response;
    expect(response.headers.get('content-type')).toBe(recorded.headers['Content-Type']);
    expect(response.headers.get('content-disposition')).toBe('attachment');
    const text = await response.text();
    expect(text.replace(signaturePattern, '"thoughtSignature": "<SIG>"')).toBe(
      fixture('stream-function-call.sse').replace(signaturePattern, '"thoughtSignature": "<SIG>"'),
    );
  });

  it('streams text with cumulative usage in the shape of stream-text.sse', async () => {
    simulator.enqueue({
      text: 'Let us think step by step: 2 + 2 = 4.',
      chunkSize: 20,
      usage: { inputTokens: 13, outputTokens: 71, reasoningTokens: 137 },
    });
    const response = await post('gemini-2.5-flash', 'streamGenerateContent?alt=sse', hello);
    const ours = sseEvents(await response.text());
    const recorded = sseEvents(fixture('stream-text.sse'));
    expect(ours.map(shape)).toEqual(recorded.map(shape));
    const usage = (event: unknown) =>
      (event as { usageMetadata: Record<string, number> }).usageMetadata;
    expect(ours.map((event) => usage(event).thoughtsTokenCount)).toEqual([137, 137]);
    expect(usage(ours.at(-1)).candidatesTokenCount).toBe(71);
    expect(usage(ours.at(-1)).totalTokenCount).toBe(221);
    expect(usage(recorded.at(-1)).totalTokenCount).toBe(221);
  });

  it('streams thought parts, answer parts and a closing signature like stream-thought-parts.sse', async () => {
    simulator.enqueue({
      reasoning: 'Pondering the mirror.',
      text: 'The answer is a paradox.',
      chunkSize: 12,
      usage: { inputTokens: 44, outputTokens: 608, reasoningTokens: 902 },
    });
    const response = await post('gemini-3-flash-preview', 'streamGenerateContent?alt=sse', {
      ...hello,
      generationConfig: { thinkingConfig: { includeThoughts: true, thinkingLevel: 'low' } },
    });
    const ours = sseEvents(await response.text());
    const recorded = sseEvents(fixture('stream-thought-parts.sse'));
    const kinds = (events: unknown[]) => [
      ...new Set(events.map((event) => JSON.stringify(shape(event)))),
    ];
    // Three event kinds, in the same order: thought chunks, answer chunks, the closing chunk.
    expect(kinds(ours)).toEqual(kinds(recorded));
    expect(shape(ours[0])).toEqual(shape(recorded[0]));
    expect(shape(ours.at(-1))).toEqual(shape(recorded.at(-1)));
  });

  it('streams a JSON array when alt=sse is not asked for', async () => {
    simulator.enqueue({ text: 'Twelve chars', chunkSize: 6 });
    const response = await post('gemini-2.5-flash', 'streamGenerateContent', hello);
    expect(response.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const chunks = (await response.json()) as Array<{
      candidates: Array<{ finishReason?: string }>;
    }>;
    expect(chunks).toHaveLength(2);
    expect(chunks[1]?.candidates[0]?.finishReason).toBe('STOP');
  });

  it('answers a wrong key with the recorded 400 API_KEY_INVALID body', async () => {
    const response = await fetch(
      `${simulator.origin}/v1beta/models/gemini-2.5-flash:generateContent`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-goog-api-key': 'wrong' },
        body: JSON.stringify(hello),
      },
    );
    const recorded = recording('error.400-api-key-invalid.http.json').response;
    expect(response.status).toBe(400);
    expect(response.statusText).toBe('Bad Request');
    expect(await response.text()).toBe(recorded.body);
  });

  it('answers rate limits in the shape of the recorded 429 with RetryInfo', async () => {
    simulator.enqueue({ error: { kind: 'rate_limit', retryAfter: 48 } });
    const response = await post('gemini-2.5-flash', 'generateContent', hello);
    const recorded = JSON.parse(recording('error.429-resource-exhausted.http.json').response.body!);
    expect(response.status).toBe(429);
    const body = (await response.json()) as typeof recorded;
    expect(shape(body)).toEqual(shape(recorded));
    expect(body.error.details[2]).toEqual({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: '48s',
    });
  });

  it('answers an unknown model with the recorded 404 message', async () => {
    const response = await post('gemini-3.6-flahs', 'generateContent', hello);
    const recorded = JSON.parse(fixture('error.404-not-found.http.json')).response.bodyJson;
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(recorded);
  });

  it('lists models in the recorded shape', async () => {
    const response = await fetch(`${simulator.origin}/v1beta/models?key=${simulator.apiKey}`);
    const recorded = JSON.parse(recording('models-list.http.json').response.body!) as {
      models: Record<string, unknown>[];
    };
    const body = (await response.json()) as { models: Record<string, unknown>[] };
    expect(shape(body.models[0])).toEqual(shape(recorded.models[0]));
    expect(body.models.map((model) => model.name)).toContain('models/gemini-3-pro-preview');
  });
});
