import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startOllamaSimulator } from './index.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const ndjson = (text: string): Record<string, unknown>[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const httpFixture = (name: string) =>
  JSON.parse(fixture(name)) as {
    request: { body?: string };
    response: { headers: Record<string, string>; body?: string };
  };

/** Key order of an object, and of its `message` (and tool calls) when present. */
function shape(value: Record<string, unknown>): unknown {
  const message = value.message as Record<string, unknown> | undefined;
  const calls = message?.tool_calls as Array<Record<string, unknown>> | undefined;
  return {
    keys: Object.keys(value),
    message: message ? Object.keys(message) : undefined,
    call: calls?.[0] ? Object.keys(calls[0]) : undefined,
    function: calls?.[0] ? Object.keys(calls[0].function as object) : undefined,
  };
}

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startOllamaSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

async function chat(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${simulator.baseUrl}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('Ollama simulator output matches the recordings', () => {
  it('streams text lines and a final statistics line shaped like api-chat.stream.ndjson', async () => {
    const recorded = ndjson(fixture('api-chat.stream.ndjson'));
    simulator.enqueue({ text: 'Here it is: 1 2 3', chunkSize: 4 });
    const response = await chat(JSON.parse(httpFixture('api-chat.stream.http.json').request.body!));
    expect(response.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = ndjson(await response.text());
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(shape(line)).toEqual(shape(recorded[0]!));
    expect(shape(lines.at(-1)!)).toEqual(shape(recorded.at(-1)!));
    expect(lines.map((line) => line.done)).toEqual([...lines.slice(1).map(() => false), true]);
    // One response, one created_at (so clients can derive a stable id from it).
    expect(new Set(lines.map((line) => line.created_at)).size).toBe(1);
    expect(lines.map((line) => (line.message as { content: string }).content).join('')).toBe(
      'Here it is: 1 2 3',
    );
  });

  it('streams a tool call in one line, then the stats line, like api-chat.stream-tool-call.ndjson', async () => {
    const recorded = ndjson(fixture('api-chat.stream-tool-call.ndjson'));
    simulator.enqueue({
      toolCalls: [{ name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } }],
    });
    const response = await chat(
      JSON.parse(httpFixture('api-chat.stream-tool-call.http.json').request.body!),
    );
    const lines = ndjson(await response.text());
    expect(lines.map(shape)).toEqual(recorded.map(shape));
    expect(lines[0]!.message).toEqual(recorded[0]!.message);
    expect(lines[1]!.done_reason).toBe('stop');
  });

  it('accepts the recorded follow-up request with the tool result (content null, no tool_calls)', async () => {
    const recorded = ndjson(fixture('api-chat.stream-after-tool-result.ndjson'));
    simulator.enqueue({ text: 'It is 15°C in Berlin.', chunkSize: 100 });
    const response = await chat(
      JSON.parse(httpFixture('api-chat.stream-after-tool-result.http.json').request.body!),
    );
    expect(response.status).toBe(200);
    const lines = ndjson(await response.text());
    expect(shape(lines.at(-1)!)).toEqual(shape(recorded.at(-1)!));
  });

  it('answers stream:false with one JSON body shaped like api-chat.tool-call.http.json', async () => {
    const recorded = httpFixture('api-chat.tool-call.http.json');
    simulator.enqueue({
      toolCalls: [{ name: 'weather', arguments: { latitude: '52.5200', longitude: '13.4050' } }],
    });
    const response = await chat(JSON.parse(recorded.request.body!));
    expect(response.headers.get('content-type')).toBe(recorded.response.headers['Content-Type']);
    const body = (await response.json()) as Record<string, unknown>;
    const expected = JSON.parse(recorded.response.body!) as Record<string, unknown>;
    expect(shape(body)).toEqual(shape(expected));
    expect(body.message).toEqual(expected.message);
  });

  it('puts thinking before content when think is on, and omits it when think is false', async () => {
    simulator.enqueue(
      { reasoning: 'Let me think.', text: 'Done.', chunkSize: 100 },
      { reasoning: 'Hidden.', text: 'Done.' },
    );
    const lines = ndjson(
      await (
        await chat({ model: 'qwen3', messages: [{ role: 'user', content: 'hi' }], think: true })
      ).text(),
    );
    expect(lines.map((line) => line.message)).toEqual([
      { role: 'assistant', content: '', thinking: 'Let me think.' },
      { role: 'assistant', content: 'Done.' },
      { role: 'assistant', content: '' },
    ]);
    const body = (await (
      await chat({
        model: 'qwen3',
        messages: [{ role: 'user', content: 'hi' }],
        think: false,
        stream: false,
      })
    ).json()) as Record<string, unknown>;
    expect(body.message).toEqual({ role: 'assistant', content: 'Done.' });
  });

  it('serves the recorded /api/tags body byte for byte, and its shape for given models', async () => {
    const recorded = httpFixture('api-tags.http.json');
    const response = await fetch(`${simulator.baseUrl}/api/tags`);
    expect(response.headers.get('content-type')).toBe(recorded.response.headers['Content-Type']);
    expect(await response.text()).toBe(recorded.response.body);
    const custom = await startOllamaSimulator({ models: [{ name: 'llama3.1:8b' }] });
    try {
      const body = (await (await fetch(`${custom.baseUrl}/api/tags`)).json()) as {
        models: Array<Record<string, unknown>>;
      };
      const expected = JSON.parse(recorded.response.body!) as {
        models: Array<Record<string, unknown>>;
      };
      expect(Object.keys(body.models[0]!)).toEqual(Object.keys(expected.models[0]!));
      expect(Object.keys(body.models[0]!.details as object)).toEqual(
        Object.keys(expected.models[0]!.details as object),
      );
    } finally {
      await custom.close();
    }
  });

  it('serves /v1/models like v1-models.http.json', async () => {
    const recorded = httpFixture('v1-models.http.json');
    const response = await fetch(`${simulator.baseUrl}/v1/models`);
    expect(response.headers.get('content-type')).toBe('application/json');
    const text = await response.text();
    expect(text.endsWith('}\n')).toBe(true);
    const body = JSON.parse(text) as { data: Array<Record<string, unknown>> };
    const expected = JSON.parse(recorded.response.body!) as {
      data: Array<Record<string, unknown>>;
    };
    expect(Object.keys(body)).toEqual(Object.keys(expected));
    expect(Object.keys(body.data[0]!)).toEqual(Object.keys(expected.data[0]!));
  });

  it('ends a stream with a bare {"error":...} line and status 200, as in the docs example', async () => {
    const recorded = ndjson(fixture('api-generate.stream-error.docs.ndjson'));
    simulator.enqueue({
      text: 'Yes. I can',
      chunkSize: 2,
      streamError: { afterEvents: 2, kind: 'server' },
    });
    const response = await chat({ model: 'gemma', messages: [{ role: 'user', content: 'hi' }] });
    expect(response.status).toBe(200);
    const lines = ndjson(await response.text());
    expect(lines).toHaveLength(3);
    expect(Object.keys(lines[2]!)).toEqual(Object.keys(recorded.at(-1)!));
    expect(lines[2]).toEqual(recorded.at(-1));
  });

  it('answers errors with the documented {"error":"..."} body', async () => {
    const recorded = JSON.parse(fixture('error.docs.json')) as Record<string, unknown>;
    simulator.enqueue({ error: { kind: 'server' } });
    const response = await chat({ model: 'x', messages: [] });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual(recorded);
  });
});
