import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import { createNDJSONParser } from '../../http/index.js';
import type { ChatChunk, LocalConfig } from '../../spec/index.js';
import { ChatStreamAccumulator } from '../../stream/accumulate.js';
import { parseOllamaError } from './errors.js';
import { parseOllamaTags } from './models.js';
import { parseOllamaResponse } from './response.js';
import { createOllamaStreamTransformer } from './stream.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');

const context = (): CallContext<LocalConfig> => ({
  config: { provider: 'ollama' },
  providerName: 'ollama',
  request: { model: 'llama3.1:8b', messages: [{ role: 'user', content: 'Weather?' }] },
  responseHeaders: new Headers(),
});

/** Runs a recorded NDJSON body through the parser and the transformer, in odd-sized pieces. */
async function transform(body: string): Promise<ChatChunk[]> {
  const pieces = body.match(/[\s\S]{1,37}/g) ?? [];
  const source = new ReadableStream<string>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  const chunks: ChatChunk[] = [];
  const reader = source
    .pipeThrough(createNDJSONParser())
    .pipeThrough(new TransformStream(createOllamaStreamTransformer(context())))
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

const accumulate = (chunks: ChatChunk[]) => {
  const accumulator = new ChatStreamAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  return accumulator.toResponse();
};

describe('Ollama adapter on the recorded wire', () => {
  it('reads the recorded text stream', async () => {
    const chunks = await transform(fixture('api-chat.stream.ndjson'));
    const response = accumulate(chunks);
    expect(response).toEqual({
      id: 'ollama-2025-03-27T20:15:12.907436856Z',
      model: 'llama3.1:8b',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Here it is:\n\n1\n2\n3' },
          finishReason: 'stop',
        },
      ],
      usage: { promptTokens: 17, completionTokens: 10, totalTokens: 27 },
    });
    expect(chunks.filter((chunk) => chunk.usage !== undefined)).toHaveLength(1);
  });

  it('reads the recorded streamed tool call like the recorded non-streaming one', async () => {
    const streamed = accumulate(await transform(fixture('api-chat.stream-tool-call.ndjson')));
    const recorded = JSON.parse(fixture('api-chat.tool-call.http.json')) as {
      response: { body: string };
    };
    const whole = parseOllamaResponse(JSON.parse(recorded.response.body), context());
    const call = {
      id: expect.stringMatching(/^call_/),
      type: 'function',
      function: { name: 'weather', arguments: '{"latitude":"52.5200","longitude":"13.4050"}' },
    };
    expect(whole.choices[0]).toEqual({
      index: 0,
      message: { role: 'assistant', content: null, toolCalls: [call] },
      finishReason: 'tool_calls',
    });
    expect(streamed.choices).toEqual(whole.choices);
    expect(whole.usage).toEqual({ promptTokens: 205, completionTokens: 28, totalTokens: 233 });
  });

  it('reads an answer that arrives whole in the done line', async () => {
    const chunks = await transform(fixture('api-chat.stream-after-tool-result.ndjson'));
    expect(chunks).toHaveLength(2);
    expect(accumulate(chunks).choices[0]!.message.content).toBe(
      "The tool call response indicates that the current temperature in Berlin is 15°C and there's a wind speed of 10 km/h.",
    );
  });

  it('errors a stream that ends without its done line', async () => {
    const lines = fixture('api-chat.stream.ndjson').split('\n').slice(0, 3).join('\n');
    const error = await transform(lines).catch((caught: unknown) => caught);
    expect(APIError.isInstance(error) && error.type).toBe(APIErrorType.NETWORK_ERROR);
  });

  it('reads the recorded /api/tags', () => {
    const recorded = JSON.parse(fixture('api-tags.http.json')) as { response: { body: string } };
    const models = parseOllamaTags(JSON.parse(recorded.response.body), 'local');
    expect(models.map((model) => [model.id, model.name, model.provider])).toEqual([
      ['snowflake-arctic-embed:22m', 'snowflake-arctic-embed:22m (bert, 23M)', 'local'],
      ['smollm:135m', 'smollm:135m (llama, 134.52M)', 'local'],
    ]);
  });

  it('reads error bodies, refining the type where the status misleads', () => {
    expect(parseOllamaError({ error: "model 'x' not found" }, 404)).toEqual({
      message: "model 'x' not found",
      code: 'model_not_found',
    });
    expect(parseOllamaError('404 page not found', 404)).toEqual({ message: '404 page not found' });
    expect(
      parseOllamaError({ error: 'option "num_ctx" must be of type integer' }, 500),
    ).toMatchObject({
      type: APIErrorType.INVALID_REQUEST,
      retryable: false,
    });
    expect(
      parseOllamaError(
        { error: "you've reached your weekly usage limit, please upgrade to continue" },
        429,
      ),
    ).toMatchObject({ type: APIErrorType.QUOTA_EXCEEDED, retryable: false });
    expect(parseOllamaError({ error: 'too many requests' }, 429).type).toBeUndefined();
    expect(parseOllamaError('', 502)).toEqual({ message: 'HTTP 502' });
  });
});
