import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startOpenAISimulator } from './index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startOpenAISimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const post = (body: unknown, key = simulator.apiKey) =>
  fetch(`${simulator.baseUrl}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const errorOf = async (response: Response) =>
  (
    (await response.json()) as {
      error: { message: string; param: string | null; code: string | null };
    }
  ).error;

const call = (id: string) => ({ id, type: 'function', function: { name: 'f', arguments: '{}' } });
const tools = [{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }];

describe('request validation', () => {
  const invalid: Array<[string, unknown, string]> = [
    [
      'unknown top-level field',
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], foo: 1 },
      'Unrecognized request argument supplied: foo',
    ],
    [
      'missing model',
      { messages: [{ role: 'user', content: 'x' }] },
      'you must provide a model parameter',
    ],
    ['missing messages', { model: 'gpt-4.1' }, "Missing required parameter: 'messages'."],
    [
      'bad role',
      { model: 'gpt-4.1', messages: [{ role: 'model', content: 'x' }] },
      "Invalid value: 'model'.",
    ],
    [
      'unknown message field',
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x', reasoning_content: 'y' }] },
      "('reasoning_content' was unexpected)",
    ],
    [
      'signature on a tool call',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [{ ...call('call_1'), signature: 's' }] },
          { role: 'tool', tool_call_id: 'call_1', content: 'r' },
        ],
      },
      "('signature' was unexpected)",
    ],
    [
      'tool result without a call',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'tool', tool_call_id: 'call_1', content: 'r' },
        ],
      },
      "messages with role 'tool' must be a response",
    ],
    [
      'unanswered tool call',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [call('call_1'), call('call_2')] },
          { role: 'tool', tool_call_id: 'call_1', content: 'r' },
          { role: 'user', content: 'y' },
        ],
      },
      'did not have response messages: call_2',
    ],
    [
      'tool result for another id',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [call('call_1')] },
          { role: 'tool', tool_call_id: 'call_9', content: 'r' },
        ],
      },
      "messages with role 'tool' must be a response",
    ],
    [
      'assistant without content or calls',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null },
        ],
      },
      "Invalid value for 'content': expected a string, got null.",
    ],
    [
      'bad image url',
      {
        model: 'gpt-4.1',
        messages: [
          {
            role: 'user',
            content: [{ type: 'image_url', image_url: { url: 'file:///etc/passwd' } }],
          },
        ],
      },
      'image_url.url',
    ],
    [
      'wrong part type',
      { model: 'gpt-4.1', messages: [{ role: 'user', content: [{ type: 'image', source: {} }] }] },
      "Invalid value: 'image'.",
    ],
    [
      'empty tools',
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], tools: [] },
      "Invalid 'tools': empty array.",
    ],
    [
      'tool_choice without tools',
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], tool_choice: 'auto' },
      "'tool_choice' is only allowed when 'tools' are specified.",
    ],
    [
      'stream_options without stream',
      {
        model: 'gpt-4.1',
        messages: [{ role: 'user', content: 'x' }],
        stream_options: { include_usage: true },
      },
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
    ],
    [
      'temperature on a reasoning model',
      { model: 'o4-mini', messages: [{ role: 'user', content: 'x' }], temperature: 0.2 },
      "'temperature' does not support 0.2",
    ],
    [
      'reasoning_effort on gpt-4o',
      { model: 'gpt-4o', messages: [{ role: 'user', content: 'x' }], reasoning_effort: 'low' },
      "'reasoning_effort' is not supported",
    ],
    [
      'tool-call id over 40 characters',
      {
        model: 'gpt-4.1',
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', content: null, tool_calls: [call(`call_${'x'.repeat(40)}`)] },
          { role: 'tool', tool_call_id: `call_${'x'.repeat(40)}`, content: 'r' },
        ],
      },
      'string too long',
    ],
  ];
  it.each(invalid)('rejects %s with a 400', async (_name, body, message) => {
    simulator.enqueue({ text: 'must not be used' });
    const response = await post(body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain(message);
  });

  it('accepts a full round trip with foreign tool-call ids, images and tools', async () => {
    const response = await post({
      model: 'gpt-4.1',
      messages: [
        { role: 'system', content: 'be brief' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'look' },
            {
              type: 'image_url',
              image_url: { url: 'data:image/png;base64,iVBORw0KGgo=', detail: 'low' },
            },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [call('toolu_01A09q90qw90lq917835lq9'), call('call_abc')],
        },
        { role: 'tool', tool_call_id: 'call_abc', content: 'r2' },
        { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9', content: 'r1' },
      ],
      tools,
      tool_choice: 'auto',
      parallel_tool_calls: true,
      max_completion_tokens: 100,
    });
    expect(response.status).toBe(200);
    expect(simulator.requests).toHaveLength(1);
  });
});

describe('authentication', () => {
  it('answers a missing Authorization header and a wrong key with 401', async () => {
    const missing = await fetch(`${simulator.baseUrl}/models`);
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).message).toContain("You didn't provide an API key");
    const wrong = await post(
      { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }] },
      'sk-proj-abcdefghijklmnop1234',
    );
    expect(wrong.status).toBe(401);
    const error = await errorOf(wrong);
    expect(error.code).toBe('invalid_api_key');
    expect(error.message).not.toContain('sk-proj-abcdefghijklmnop1234');
  });

  it('answers an unknown path with Invalid URL', async () => {
    const response = await fetch(`${simulator.baseUrl}/completions/nope`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBe('Invalid URL (POST /v1/completions/nope)');
  });
});

describe('streaming behaviour', () => {
  const streamBody = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'x' }], stream: true };

  it('drops the connection after the scripted number of events', async () => {
    simulator.enqueue({ text: 'abcdefghijklmnop', chunkSize: 2, dropAfterEvents: 3 });
    const response = await post(streamBody);
    const failure = await response.text().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
  });

  it('marks the request aborted when the client goes away mid-stream', async () => {
    simulator.enqueue({ text: 'abcdefghijklmnopqrstuvwxyz', chunkSize: 1, chunkDelayMs: 20 });
    const response = await post(streamBody);
    const reader = response.body?.getReader();
    await reader?.read();
    await reader?.cancel();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(simulator.requests[0]?.aborted).toBe(true);
  });

  it('sends the in-stream error without [DONE]', async () => {
    simulator.enqueue({
      text: 'abcdefgh',
      chunkSize: 2,
      streamError: { afterEvents: 1, kind: 'quota' },
    });
    const text = await (await post(streamBody)).text();
    const lines = text.split('\n\n').filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(JSON.parse(lines[2]?.slice(6) ?? '')).toMatchObject({
      error: { type: 'insufficient_quota', code: 'insufficient_quota' },
    });
    expect(text).not.toContain('[DONE]');
  });

  it('waits before the first byte', async () => {
    simulator.enqueue({ text: 'x', firstByteDelayMs: 80 });
    const started = Date.now();
    await (await post(streamBody)).text();
    expect(Date.now() - started).toBeGreaterThanOrEqual(75);
  });
});
