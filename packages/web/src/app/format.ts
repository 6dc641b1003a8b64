/** US dollars: cents for ordinary sums, more digits for the tiny costs of single requests. */
export function formatCost(dollars: number): string {
  const digits = dollars !== 0 && Math.abs(dollars) < 0.01 ? 6 : 2;
  return `$${dollars.toFixed(digits)}`;
}

/** A whole number with thousands separators. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Milliseconds, one decimal under 10 ms. */
export function formatMilliseconds(value: number): string {
  return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;
}

/** A 0–1 ratio as a percentage. */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.1 ? 2 : 1)}%`;
}

/** An epoch-millisecond time as a short local date and time. */
export function formatTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** `YYYY-MM-DD` of a local date (what `<input type="date">` holds). */
export function toDateInput(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/**
 * The period of two `<input type="date">` values: from the start of the first local day to the
 * start of the day after the second (the API's `to` is exclusive). Undefined when invalid.
 */
export function dateRangeToPeriod(
  from: string,
  to: string,
): { from: number; to: number } | undefined {
  const start = parseLocalDate(from);
  const end = parseLocalDate(to);
  if (start === undefined || end === undefined) return undefined;
  end.setDate(end.getDate() + 1);
  if (start.getTime() >= end.getTime()) return undefined;
  return { from: start.getTime(), to: end.getTime() };
}

function parseLocalDate(value: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}
