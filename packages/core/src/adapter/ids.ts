/** 32-bit FNV-1a hash, as base-36 text. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * A deterministic tool-call id for vendors that send none (Gemini, Ollama). The same call in the
 * same turn gets the same id whether streamed or not; a different turn (another `turn`) gets another.
 * Shaped `call_<hash>` so every vendor accepts it (`^[a-zA-Z0-9_-]+$`).
 */
export function stableToolCallId(
  turn: number,
  index: number,
  name: string,
  argumentsJSON: string,
): string {
  return `call_${fnv1a(`${turn}:${index}:${name}:${argumentsJSON}`)}${index}`;
}

/** A random id with a prefix, for responses whose vendor sends none. */
export function randomId(prefix: string): string {
  return `${prefix}${crypto.randomUUID().replaceAll('-', '')}`;
}
