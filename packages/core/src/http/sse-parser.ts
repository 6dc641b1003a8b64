/** One server-sent event. */
export interface SSEEvent {
  /** The `event:` field, `undefined` when absent (the spec's default type `message`). */
  event: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id: string | undefined;
}

/**
 * A `TransformStream` from decoded text to server-sent events, per the WHATWG event-stream
 * rules: LF, CR or CRLF line ends (also split across chunks), `:` comments, multi-line data.
 * Each chunk is scanned once; only an incomplete trailing line is carried over.
 */
export function createSSEParser(): TransformStream<string, SSEEvent> {
  let pending = '';
  let event: string | undefined;
  let data: string[] = [];
  let id: string | undefined;
  // A chunk ended in CR: a LF at the start of the next chunk belongs to it.
  let skipLeadingLF = false;

  const dispatch = (controller: TransformStreamDefaultController<SSEEvent>) => {
    if (data.length > 0) controller.enqueue({ event, data: data.join('\n'), id });
    event = undefined;
    data = [];
  };

  const processLine = (line: string, controller: TransformStreamDefaultController<SSEEvent>) => {
    if (line === '') {
      dispatch(controller);
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id') id = value;
  };

  return new TransformStream<string, SSEEvent>({
    transform(chunk, controller) {
      let text = chunk;
      if (skipLeadingLF && text.charCodeAt(0) === 10) text = text.slice(1);
      skipLeadingLF = false;
      let start = 0;
      const length = text.length;
      for (let index = 0; index < length; index++) {
        const code = text.charCodeAt(index);
        if (code !== 10 && code !== 13) continue;
        const line = pending === '' ? text.slice(start, index) : pending + text.slice(start, index);
        pending = '';
        processLine(line, controller);
        if (code === 13) {
          if (index + 1 < length) {
            if (text.charCodeAt(index + 1) === 10) index++;
          } else {
            skipLeadingLF = true;
          }
        }
        start = index + 1;
      }
      if (start < length) pending += text.slice(start);
    },
    flush(controller) {
      if (pending !== '') processLine(pending, controller);
      pending = '';
      dispatch(controller);
    },
  });
}
