import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, serverSentEvents } from './sse.js';

async function parse(chunks: readonly string[]): Promise<ServerSentEvent[]> {
  const events: ServerSentEvent[] = [];
  const source = new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = source.pipeThrough(serverSentEvents()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return events;
    events.push(value);
  }
}

describe('serverSentEvents', () => {
  it('splits events on blank lines and strips one space after the colon', async () => {
    await expect(parse(['data: {"a":1}\n\ndata:{"b":2}\n\n'])).resolves.toEqual([
      { event: 'message', data: '{"a":1}' },
      { event: 'message', data: '{"b":2}' },
    ]);
  });

  it('joins events split across chunks at any byte, including inside a CRLF', async () => {
    const wire = 'event: delta\r\ndata: hello\r\n\r\ndata: [DONE]\r\n\r\n';
    for (let split = 1; split < wire.length; split++) {
      await expect(parse([wire.slice(0, split), wire.slice(split)])).resolves.toEqual([
        { event: 'delta', data: 'hello' },
        { event: 'message', data: '[DONE]' },
      ]);
    }
  });

  it('joins multi-line data, ignores comments and unknown fields, handles lone CR', async () => {
    await expect(
      parse([': keep-alive\n', 'id: 7\nretry: 10\ndata: one\rdata: two\n\n']),
    ).resolves.toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('drops events without data and delivers a last event that has no blank line', async () => {
    await expect(parse(['event: ping\n\n', 'data: tail'])).resolves.toEqual([
      { event: 'message', data: 'tail' },
    ]);
  });
});
