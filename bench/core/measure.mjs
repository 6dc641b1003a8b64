// Timing: warm-up runs, then timed runs; the median is reported (robust to a stray GC pause).

/** Runs `operation` `warmups` times untimed, then `runs` times timed; returns the median. */
export async function measure(operation, { warmups, runs }) {
  let count = 0;
  for (let run = 0; run < warmups; run += 1) count = await operation();
  const times = [];
  for (let run = 0; run < runs; run += 1) {
    globalThis.gc?.();
    const started = performance.now();
    count = await operation();
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  const middle = Math.floor(times.length / 2);
  const medianMs = times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2;
  return { medianMs, minMs: times[0], maxMs: times[times.length - 1], count };
}

/** Reads a stream to its end with a reader (as the adapter engine does); returns the count. */
export async function drainStream(stream, onValue) {
  const reader = stream.getReader();
  let count = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return count;
    onValue?.(value);
    count += 1;
  }
}

/** Consumes an async iterable; returns how many values it yielded. */
export async function drainIterable(iterable) {
  let count = 0;
  for await (const _value of iterable) count += 1;
  return count;
}

const group = (value, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats numbers for the tables. */
export const format = {
  integer: (value) => group(value),
  fixed: (value, digits) => group(value, digits),
  perSecond: (count, milliseconds) => group((count / milliseconds) * 1000),
  nsEach: (milliseconds, count) => group((milliseconds * 1e6) / count),
  megabytesPerSecond: (bytes, milliseconds) => group(bytes / 1e6 / (milliseconds / 1000), 1),
};

/** A markdown table from a header row and data rows. */
export function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_cell, index) => (index === 0 ? '---' : '--:'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}
