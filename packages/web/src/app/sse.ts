/** One server-sent event. */
export interface ServerSentEvent {
  /** The `event:` field, `message` when absent. */
  event: string;
  /** The `data:` lines joined with `\n`. */
  data: string;
}

/**
 * Parses a text stream of server-sent events (the WHATWG event-stream format: `\n`, `\r\n` or
 * `\r` line ends, `:` comments, multi-line `data`, a blank line dispatches). Events without data
 * are dropped, as browsers' `EventSource` does.
 */
export function serverSentEvents(): TransformStream<string, ServerSentEvent> {
  let buffer = '';
  let data: string[] = [];
  let event = '';
  // A `\r` at the end of a chunk may be the first half of a `\r\n` split across chunks.
  let pendingCarriageReturn = false;

  const dispatch = (controller: TransformStreamDefaultController<ServerSentEvent>) => {
    if (data.length > 0) controller.enqueue({ event: event || 'message', data: data.join('\n') });
    data = [];
    event = '';
  };

  const processLine = (
    line: string,
    controller: TransformStreamDefaultController<ServerSentEvent>,
  ) => {
    if (line === '') return dispatch(controller);
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
  };

  return new TransformStream({
    transform(chunk, controller) {
      let text = chunk;
      if (pendingCarriageReturn && text.startsWith('\n')) text = text.slice(1);
      pendingCarriageReturn = false;
      buffer += text;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const character = buffer[index];
        if (character !== '\n' && character !== '\r') continue;
        processLine(buffer.slice(start, index), controller);
        if (character === '\r') {
          if (index + 1 === buffer.length) pendingCarriageReturn = true;
          else if (buffer[index + 1] === '\n') index++;
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    flush(controller) {
      // A stream that ends without a final blank line still delivers its last event.
      if (buffer !== '') processLine(buffer, controller);
      dispatch(controller);
    },
  });
}
