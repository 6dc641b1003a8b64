/**
 * A `TransformStream` from decoded text to one parsed JSON value per line (Ollama's
 * `application/x-ndjson`). Blank lines are skipped; a line that is not JSON errors the stream.
 */
export function createNDJSONParser(): TransformStream<string, unknown> {
  let pending = '';
  const emit = (line: string, controller: TransformStreamDefaultController<unknown>) => {
    const trimmed = line.trim();
    if (trimmed === '') return;
    try {
      controller.enqueue(JSON.parse(trimmed));
    } catch (error) {
      controller.error(
        new SyntaxError(`Invalid NDJSON line: ${trimmed.slice(0, 200)}`, { cause: error }),
      );
    }
  };
  return new TransformStream<string, unknown>({
    transform(chunk, controller) {
      let start = 0;
      let newline = chunk.indexOf('\n');
      while (newline !== -1) {
        const line =
          pending === '' ? chunk.slice(start, newline) : pending + chunk.slice(start, newline);
        pending = '';
        emit(line, controller);
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      if (start < chunk.length) pending += chunk.slice(start);
    },
    flush(controller) {
      emit(pending, controller);
      pending = '';
    },
  });
}
