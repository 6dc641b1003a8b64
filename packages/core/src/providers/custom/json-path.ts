/** One step of a JSON path: an object key or an array index. */
export type PathSegment = string | number;

const segmentPattern = /^([A-Za-z_$][\w$-]*)?((?:\[\d+\])*)$/;

/**
 * Parses a dot path with `[n]` indexes (`choices[0].message.content`, `[0].text`, `a.b`).
 * Returns `undefined` when the path is malformed (empty parts, unclosed brackets, spaces).
 */
export function parseJsonPath(path: string): PathSegment[] | undefined {
  if (typeof path !== 'string' || path.trim() === '') return undefined;
  const segments: PathSegment[] = [];
  for (const [position, part] of path.split('.').entries()) {
    const match = segmentPattern.exec(part);
    if (match === null) return undefined;
    const [, key, indexes = ''] = match;
    // Only the first part may start with an index (`[0].text`).
    if (key === undefined && (indexes === '' || position > 0)) return undefined;
    if (key !== undefined) segments.push(key);
    for (const index of indexes.matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** The value at `path` in `value`, or `undefined` when any step is missing. */
export function readJsonPath(value: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = value;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[segment];
    } else {
      if (typeof current !== 'object' || current === null || Array.isArray(current))
        return undefined;
      if (!Object.hasOwn(current, segment)) return undefined;
      current = (current as Record<string, unknown>)[segment];
    }
  }
  return current;
}

/** Sets `path` to `value` in a plain-object tree, creating objects on the way (arrays are not created). */
export function writeJsonPath(
  target: Record<string, unknown>,
  path: readonly PathSegment[],
  value: unknown,
): void {
  let current: Record<string, unknown> | unknown[] = target;
  for (const [position, segment] of path.entries()) {
    const last = position === path.length - 1;
    const key = segment as keyof typeof current;
    if (last) {
      (current as Record<PathSegment, unknown>)[segment] = value;
      return;
    }
    const next: unknown = current[key];
    if (typeof next === 'object' && next !== null) {
      current = next as Record<string, unknown>;
    } else {
      const created: Record<string, unknown> = {};
      (current as Record<PathSegment, unknown>)[segment] = created;
      current = created;
    }
  }
}
