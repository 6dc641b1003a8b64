/**
 * Serialises JSON the way Gemini's SSE stream does: `"key": value` with a space after each colon
 * and none after commas (`{"text": "Hi","thought": true}`), as in the recordings.
 */
export function googleStreamJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(googleStreamJSON).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(
      ([, item]) => item !== undefined,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${googleStreamJSON(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
