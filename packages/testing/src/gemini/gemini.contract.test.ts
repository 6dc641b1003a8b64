import { ApiError, type Content, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import type { ScriptedErrorKind } from '../script.js';
import { startGeminiSimulator } from './index.js';

let simulator: Simulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  simulator = await startGeminiSimulator();
  // No retryOptions: the SDK makes exactly one attempt.
  ai = new GoogleGenAI({ apiKey: simulator.apiKey, httpOptions: { baseUrl: simulator.origin } });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const usage = { inputTokens: 12, cachedTokens: 4, outputTokens: 9, reasoningTokens: 5 };
const expectedUsage = {
  promptTokenCount: 16,
  candidatesTokenCount: 9,
  totalTokenCount: 30,
  cachedContentTokenCount: 4,
  promptTokensDetails: [{ modality: 'TEXT', tokenCount: 16 }],
  cacheTokensDetails: [{ modality: 'TEXT', tokenCount: 4 }],
  thoughtsTokenCount: 5,
  serviceTier: 'standard',
};
const calls = [
  { name: 'weather', arguments: { city: 'Berlin', units: 'metric' } },
  { name: 'time', arguments: { zone: 'Europe/Berlin' } },
];
const thinking = { thinkingConfig: { includeThoughts: true, thinkingBudget: 1024 } };

describe('@google/genai against the Gemini simulator', () => {
  it('reads text, thoughts and usage (non-streaming)', async () => {
    simulator.enqueue({ text: 'Hello, world.', reasoning: 'Greeting time.', usage });
    const response = await ai.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'Hi',
      config: thinking,
    });
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts.filter((part) => part.thought).map((part) => part.text)).toEqual([
      'Greeting time.',
    ]);
    expect(response.text).toBe('Hello, world.');
    expect(response.usageMetadata).toEqual(expectedUsage);
    expect(response.candidates?.[0]?.finishReason).toBe('STOP');
  });

  it('reads text, thoughts and usage (streaming)', async () => {
    simulator.enqueue({
      text: 'Hello, streaming world.',
      reasoning: 'Greeting time.',
      usage,
      chunkSize: 5,
    });
    const stream = await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Hi',
      config: thinking,
    });
    let text = '';
    let thoughts = '';
    let last: unknown;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks++;
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (part.thought) thoughts += part.text ?? '';
        else text += part.text ?? '';
      }
      last = chunk;
    }
    expect(chunks).toBe(3 + 5);
    expect(text).toBe('Hello, streaming world.');
    expect(thoughts).toBe('Greeting time.');
    expect((last as { usageMetadata: unknown }).usageMetadata).toEqual(expectedUsage);
  });

  it('reads parallel function calls, the first with a thought signature (both paths)', async () => {
    simulator.enqueue({ toolCalls: calls }, { toolCalls: calls });
    const request = { model: 'gemini-2.5-flash', contents: 'Weather and time?' };
    const response = await ai.models.generateContent(request);
    expect(response.functionCalls).toEqual([
      { name: 'weather', args: { city: 'Berlin', units: 'metric' } },
      { name: 'time', args: { zone: 'Europe/Berlin' } },
    ]);
    const parts = response.candidates?.[0]?.content?.parts ?? [];
    expect(parts[0]?.thoughtSignature).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(parts[1]?.thoughtSignature).toBeUndefined();

    const streamed = [];
    for await (const chunk of await ai.models.generateContentStream(request)) {
      streamed.push(...(chunk.functionCalls ?? []));
    }
    expect(streamed).toEqual(response.functionCalls);
  });

  it('enforces replayed thought signatures on Gemini 3, as the real API does', async () => {
    simulator.enqueue({ toolCalls: calls });
    const model = 'gemini-3-pro-preview';
    const user: Content = { role: 'user', parts: [{ text: 'Weather and time?' }] };
    const first = await ai.models.generateContent({ model, contents: [user] });
    const modelTurn = first.candidates![0]!.content!;
    const results: Content = {
      role: 'user',
      parts: calls.map((call) => ({
        functionResponse: { name: call.name, response: { ok: true } },
      })),
    };
    simulator.enqueue({ text: 'Sunny, 10:00.' });
    const second = await ai.models.generateContent({ model, contents: [user, modelTurn, results] });
    expect(second.text).toBe('Sunny, 10:00.');
    const replayed = simulator.requests[1]?.body as { contents: Content[] };
    expect(replayed.contents[1]?.parts?.[0]?.thoughtSignature).toBe(
      modelTurn.parts![0]!.thoughtSignature,
    );

    const stripped: Content = {
      role: 'model',
      parts: modelTurn.parts!.map(({ functionCall }) => (functionCall ? { functionCall } : {})),
    };
    const missing = ai.models.generateContent({ model, contents: [user, stripped, results] });
    await expect(missing).rejects.toBeInstanceOf(ApiError);
    await expect(missing).rejects.toMatchObject({ status: 400 });
    await expect(missing).rejects.toThrow(
      /missing a thought_signature.*default_api:weather.*position 2/,
    );

    const tampered: Content = {
      role: 'model',
      parts: [{ ...stripped.parts![0]!, thoughtSignature: 'AAAA' }, stripped.parts![1]!],
    };
    await expect(
      ai.models.generateContent({ model, contents: [user, tampered, results] }),
    ).rejects.toThrow(/Corrupted thought signature/);

    const imported: Content = {
      role: 'model',
      parts: [
        { ...stripped.parts![0]!, thoughtSignature: 'skip_thought_signature_validator' },
        stripped.parts![1]!,
      ],
    };
    simulator.enqueue({ text: 'Imported fine.' });
    const accepted = await ai.models.generateContent({
      model,
      contents: [user, imported, results],
    });
    expect(accepted.text).toBe('Imported fine.');
  });

  it('rejects function responses that do not answer the calls', async () => {
    const contents: Content[] = [
      { role: 'user', parts: [{ text: 'Weather?' }] },
      { role: 'model', parts: [{ functionCall: { name: 'weather', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'time', response: {} } }] },
    ];
    await expect(
      ai.models.generateContent({ model: 'gemini-2.5-flash', contents }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  const statuses: Record<ScriptedErrorKind, number> = {
    auth: 400,
    permission: 403,
    not_found: 404,
    invalid_request: 400,
    context_length: 400,
    rate_limit: 429,
    quota: 429,
    server: 500,
    overloaded: 503,
    unavailable: 503,
    timeout: 504,
  };
  for (const [kind, status] of Object.entries(statuses) as [ScriptedErrorKind, number][]) {
    it(`surfaces a scripted ${kind} error as ApiError ${status}`, async () => {
      simulator.enqueue({ error: { kind, retryAfter: 7 } });
      const request = ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
      await expect(request).rejects.toBeInstanceOf(ApiError);
      await expect(request).rejects.toMatchObject({ status });
    });
  }

  it('puts retryAfter into RetryInfo.retryDelay', async () => {
    simulator.enqueue({ error: { kind: 'rate_limit', retryAfter: 48 } });
    await expect(
      ai.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' }),
    ).rejects.toThrow(/"retryDelay":"48s"/);
  });

  it('answers a wrong key with 400 API_KEY_INVALID', async () => {
    const wrong = new GoogleGenAI({
      apiKey: 'wrong-key',
      httpOptions: { baseUrl: simulator.origin },
    });
    const request = wrong.models.generateContent({ model: 'gemini-2.5-flash', contents: 'Hi' });
    await expect(request).rejects.toMatchObject({ status: 400 });
    await expect(request).rejects.toThrow(/API_KEY_INVALID/);
  });

  it('surfaces an in-stream error after the chunks that arrived', async () => {
    simulator.enqueue({
      text: 'Partial answer here',
      chunkSize: 4,
      streamError: { afterEvents: 2, kind: 'overloaded' },
    });
    const stream = await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Hi',
    });
    let text = '';
    const consume = async () => {
      for await (const chunk of stream) text += chunk.text ?? '';
    };
    await expect(consume()).rejects.toMatchObject({ status: 503 });
    expect(text).toBe('Partial ');
  });

  it('fails the stream when the connection drops', async () => {
    simulator.enqueue({ text: 'Partial answer here', chunkSize: 4, dropAfterEvents: 2 });
    const stream = await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Hi',
    });
    const consume = async () => {
      for await (const _chunk of stream) {
        // Drain.
      }
    };
    await expect(consume()).rejects.toThrow();
  });

  it('sees the client abort a paced stream', async () => {
    simulator.enqueue({ text: 'A long, slowly streamed answer.', chunkSize: 2, chunkDelayMs: 20 });
    const controller = new AbortController();
    const stream = await ai.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'Hi',
      config: { abortSignal: controller.signal },
    });
    const consume = async () => {
      for await (const _chunk of stream) controller.abort();
    };
    await expect(consume()).rejects.toThrow();
    await expect.poll(() => simulator.requests[0]?.aborted).toBe(true);
  });

  it('lists models through the SDK pager', async () => {
    const names: string[] = [];
    for await (const model of await ai.models.list({ config: { pageSize: 3 } }))
      names.push(model.name ?? '');
    expect(names).toContain('models/gemini-2.5-flash');
    expect(names).toContain('models/gemini-3-flash-preview');
    expect(names).toHaveLength(8);
  });
});
