/** One server-sent event. */
export interface SSEEvent {
  /** The `event:` field, `undefined` when absent (the spec's default type `message`). */
  event: string | undefined;
  /** The `data:` lines joined with `\n`. */
  data: string;
  id: string | undefined;
}

/**
 * An incremental event-stream decoder per the WHATWG rules: LF, CR or CRLF line ends (also split
 * across chunks), `:` comments, multi-line data. Each chunk is scanned once; only an incomplete
 * trailing line is carried over.
 */
export class SSEDecoder {
  private pending = '';
  private event: string | undefined;
  private data: string[] = [];
  private id: string | undefined;
  // A chunk ended in CR: a LF at the start of the next chunk belongs to it.
  private skipLeadingLF = false;

  /** Feeds decoded text; calls `onEvent` for every event it completes. */
  push(chunk: string, onEvent: (event: SSEEvent) => void): void {
    let text = chunk;
    if (this.skipLeadingLF && text.charCodeAt(0) === 10) text = text.slice(1);
    this.skipLeadingLF = false;
    let start = 0;
    const length = text.length;
    for (let index = 0; index < length; index++) {
      const code = text.charCodeAt(index);
      if (code !== 10 && code !== 13) continue;
      const line =
        this.pending === '' ? text.slice(start, index) : this.pending + text.slice(start, index);
      this.pending = '';
      this.line(line, onEvent);
      if (code === 13) {
        if (index + 1 < length) {
          if (text.charCodeAt(index + 1) === 10) index++;
        } else {
          this.skipLeadingLF = true;
        }
      }
      start = index + 1;
    }
    if (start < length) this.pending += text.slice(start);
  }

  /** Ends the input: a last event without a trailing blank line is still delivered. */
  end(onEvent: (event: SSEEvent) => void): void {
    if (this.pending !== '') this.line(this.pending, onEvent);
    this.pending = '';
    this.dispatch(onEvent);
  }

  private dispatch(onEvent: (event: SSEEvent) => void): void {
    if (this.data.length > 0)
      onEvent({ event: this.event, data: this.data.join('\n'), id: this.id });
    this.event = undefined;
    this.data = [];
  }

  private line(line: string, onEvent: (event: SSEEvent) => void): void {
    if (line === '') {
      this.dispatch(onEvent);
      return;
    }
    if (line.charCodeAt(0) === 58 /* : */) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* space */) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
  }
}

/** A `TransformStream` from decoded text to server-sent events (an `SSEDecoder` as a stream). */
export function createSSEParser(): TransformStream<string, SSEEvent> {
  const decoder = new SSEDecoder();
  return new TransformStream<string, SSEEvent>({
    transform(chunk, controller) {
      decoder.push(chunk, (event) => controller.enqueue(event));
    },
    flush(controller) {
      decoder.end((event) => controller.enqueue(event));
    },
  });
}
