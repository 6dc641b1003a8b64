/**
 * An incremental NDJSON decoder (Ollama's `application/x-ndjson`): one JSON value per line, blank
 * lines skipped; a line that is not JSON throws a `SyntaxError` naming the start of the line.
 */
export class NDJSONDecoder {
  private pending = '';

  /** Feeds decoded text; calls `onValue` for every complete line. */
  push(chunk: string, onValue: (value: unknown) => void): void {
    let start = 0;
    let newline = chunk.indexOf('\n');
    while (newline !== -1) {
      const line =
        this.pending === ''
          ? chunk.slice(start, newline)
          : this.pending + chunk.slice(start, newline);
      this.pending = '';
      this.emit(line, onValue);
      start = newline + 1;
      newline = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) this.pending += chunk.slice(start);
  }

  /** Ends the input: a last line without a newline is still parsed. */
  end(onValue: (value: unknown) => void): void {
    const last = this.pending;
    this.pending = '';
    this.emit(last, onValue);
  }

  private emit(line: string, onValue: (value: unknown) => void): void {
    const trimmed = line.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new SyntaxError(`Invalid NDJSON line: ${trimmed.slice(0, 200)}`, { cause: error });
    }
    onValue(value);
  }
}

/** A `TransformStream` from decoded text to parsed JSON values (an `NDJSONDecoder` as a stream). */
export function createNDJSONParser(): TransformStream<string, unknown> {
  const decoder = new NDJSONDecoder();
  return new TransformStream<string, unknown>({
    transform(chunk, controller) {
      decoder.push(chunk, (value) => controller.enqueue(value));
    },
    flush(controller) {
      decoder.end((value) => controller.enqueue(value));
    },
  });
}
