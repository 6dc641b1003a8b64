import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createUsageObserver } from './usage-observer.js';
import type { UsageFormat } from './vendors.js';

function fixture(name: string): Buffer {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url));
}

/** Feeds `body` in pieces of `size` bytes (splitting lines and UTF-8 sequences). */
function observe(format: UsageFormat, contentType: string, body: Buffer, size: number) {
  const observer = createUsageObserver(format, contentType);
  for (let offset = 0; offset < body.byteLength; offset += size) {
    observer.push(body.subarray(offset, offset + size));
  }
  return observer.finish();
}

describe('createUsageObserver', () => {
  for (const size of [7, 64, 100_000]) {
    it(`reads the final usage chunk of an OpenAI stream (pieces of ${size} bytes)`, () => {
      expect(
        observe('openai', 'text/event-stream', fixture('openai.stream-text.sse'), size),
      ).toEqual({
        model: 'gpt-4.1-nano-2025-04-14',
        promptTokens: 14,
        completionTokens: 7,
        cachedTokens: 0,
        reasoningTokens: 0,
        reported: true,
      });
    });
  }

  it('combines message_start input and message_delta output of an Anthropic stream', () => {
    const usage = observe(
      'anthropic',
      'text/event-stream',
      fixture('anthropic.stream-thinking.sse'),
      33,
    );
    expect(usage).toEqual({
      model: 'claude-haiku-4-5-20251001',
      promptTokens: 80,
      completionTokens: 638,
      cachedTokens: 0,
      reasoningTokens: 353,
      reported: true,
    });
  });

  it('reads the last usageMetadata of a Gemini stream (CRLF framing), thoughts as output', () => {
    const usage = observe('google', 'text/event-stream', fixture('gemini.stream-text.sse'), 50);
    expect(usage).toEqual({
      model: 'gemini-2.5-flash',
      promptTokens: 13,
      completionTokens: 71 + 137,
      cachedTokens: 0,
      reasoningTokens: 137,
      reported: true,
    });
  });

  it('reads the done line of an Ollama NDJSON stream', () => {
    const usage = observe('ollama', 'application/x-ndjson', fixture('ollama.stream.ndjson'), 40);
    expect(usage).toMatchObject({ promptTokens: 17, completionTokens: 10, reported: true });
  });

  it('reads usage from a JSON body, counting Anthropic cache reads into the prompt', () => {
    const body = Buffer.from(
      JSON.stringify({
        model: 'claude-haiku-4-5',
        usage: {
          input_tokens: 16,
          cache_read_input_tokens: 100,
          cache_creation_input_tokens: 4,
          output_tokens: 13,
        },
      }),
    );
    expect(observe('anthropic', 'application/json', body, 9)).toEqual({
      model: 'claude-haiku-4-5',
      promptTokens: 120,
      completionTokens: 13,
      cachedTokens: 100,
      reasoningTokens: 0,
      reported: true,
    });
  });

  it('reports nothing for bodies without usage or of other types', () => {
    expect(observe('openai', 'application/json', Buffer.from('{"ok":true}'), 4).reported).toBe(
      false,
    );
    expect(observe('openai', 'text/plain', Buffer.from('"usage"'), 4).reported).toBe(false);
  });
});
