import { describe, expect, it } from 'vitest';
import { createSSEParser, type SSEEvent } from './sse-parser.js';

async function parse(chunks: string[]): Promise<SSEEvent[]> {
  const stream = new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const events: SSEEvent[] = [];
  const reader = stream.pipeThrough(createSSEParser()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    events.push(value);
  }
}

describe('createSSEParser', () => {
  it('parses named events and data lines', async () => {
    const events = await parse(['event: ping\ndata: {"type": "ping"}\n\ndata: one\n\n']);
    expect(events).toEqual([
      { event: 'ping', data: '{"type": "ping"}', id: undefined },
      { event: undefined, data: 'one', id: undefined },
    ]);
  });

  it('handles CRLF separators split across chunks (Gemini framing)', async () => {
    const events = await parse(['data: {"a":1}\r', '\n\r', '\ndata: {"b":2}\r\n\r\n']);
    expect(events.map((event) => event.data)).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('joins multi-line data, ignores comments and keeps ids', async () => {
    const events = await parse([': keep-alive\nid: 7\ndata: a\ndata: b\n\n']);
    expect(events).toEqual([{ event: undefined, data: 'a\nb', id: '7' }]);
  });

  it('reassembles one event split into single characters', async () => {
    const text = 'event: content_block_delta\ndata: {"text":"héllo"}\n\n';
    const events = await parse([...text]);
    expect(events).toEqual([
      { event: 'content_block_delta', data: '{"text":"héllo"}', id: undefined },
    ]);
  });

  it('dispatches a final event without a trailing blank line', async () => {
    expect((await parse(['data: [DONE]'])).map((event) => event.data)).toEqual(['[DONE]']);
  });

  it('skips events without data and strips only one leading space', async () => {
    const events = await parse(['event: empty\n\ndata:  two spaces\n\n']);
    expect(events).toEqual([{ event: undefined, data: ' two spaces', id: undefined }]);
  });
});
