/** A plain JSON object (not an array, not null). */
export type JsonObject = Record<string, unknown>;

/** True for a non-null, non-array object. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The trimmed string at `field`, or `undefined` when absent, not a string or blank. */
export function readString(fields: JsonObject, field: string): string | undefined {
  const value = fields[field];
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The first non-blank string among `names`, with the field it came from. */
export function readFirstString(
  fields: JsonObject,
  names: readonly string[],
): { field: string; value: string } | undefined {
  for (const field of names) {
    const value = readString(fields, field);
    if (value !== undefined) return { field, value };
  }
  return undefined;
}

/** The finite number at `field` (numeric strings accepted, as Kilo's schema coerces them). */
export function readNumber(fields: JsonObject, field: string): number | undefined {
  const value = fields[field];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : undefined;
  }
  return undefined;
}

/** The boolean at `field`, or `undefined`. */
export function readBoolean(fields: JsonObject, field: string): boolean | undefined {
  const value = fields[field];
  return typeof value === 'boolean' ? value : undefined;
}
