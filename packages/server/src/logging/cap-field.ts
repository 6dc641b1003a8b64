/** Longest caller-supplied text (model, origin, provider, path) kept in a usage row or log line. */
export const recordedFieldLimit = 128;

/** `value` cut to `recordedFieldLimit` characters, so a caller cannot fill the disk through it. */
export function capField(value: string, limit?: number): string;
export function capField(value: string | undefined, limit?: number): string | undefined;
export function capField(
  value: string | undefined,
  limit = recordedFieldLimit,
): string | undefined {
  return value === undefined || value.length <= limit ? value : value.slice(0, limit);
}
