import { describe, expect, it } from 'vitest';
import { createNDJSONParser } from './ndjson-parser.js';

async function parse(chunks: string[]): Promise<unknown[]> {
  const stream = new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const values: unknown[] = [];
  for await (const value of stream.pipeThrough(
    createNDJSONParser(),
  ) as unknown as AsyncIterable<unknown>) {
    values.push(value);
  }
  return values;
}

describe('createNDJSONParser', () => {
  it('parses lines split across chunks and a last line without newline', async () => {
    expect(await parse(['{"a":', '1}\n\n{"b"', ':2}\n{"c":3}'])).toEqual([
      { a: 1 },
      { b: 2 },
      { c: 3 },
    ]);
  });

  it('errors the stream on a line that is not JSON', async () => {
    await expect(parse(['{"a":1}\nnot json\n'])).rejects.toThrow(/Invalid NDJSON line: not json/);
  });
});
