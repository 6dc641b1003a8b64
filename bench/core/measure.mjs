// Timing: warm-up rounds, then timed rounds; the median is reported (robust to a stray GC pause).
// Each round runs every operation once, so drift in machine load hits all of them alike.

const median = (sorted) => {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs every operation of `operations` (name → async function returning a count) `warmups` times
 * untimed, then `runs` timed rounds. Returns, per name, the median, fastest and slowest time (ms)
 * and the count of the last run.
 */
export async function measureRounds(operations, { warmups, runs }) {
  const entries = Object.entries(operations);
  const times = new Map(entries.map(([name]) => [name, []]));
  const counts = new Map();
  for (let round = 0; round < warmups + runs; round += 1) {
    for (const [name, operation] of entries) {
      globalThis.gc?.();
      const started = performance.now();
      counts.set(name, await operation());
      if (round >= warmups) times.get(name).push(performance.now() - started);
    }
  }
  const results = {};
  for (const [name, list] of times) {
    list.sort((left, right) => left - right);
    results[name] = {
      medianMs: median(list),
      minMs: list[0],
      maxMs: list[list.length - 1],
      count: counts.get(name),
    };
  }
  return results;
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
