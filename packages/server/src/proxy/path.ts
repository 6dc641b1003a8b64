/** Thrown for a proxied path that could leave the vendor's API. */
export class UnsafePathError extends Error {
  constructor() {
    super('The request path is not allowed');
    this.name = 'UnsafePathError';
  }
}

function fullyDecode(segment: string): string {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      throw new UnsafePathError();
    }
    if (next === current) return current;
    current = next;
  }
  throw new UnsafePathError();
}

/**
 * Checks the part of the path after the route prefix and returns it as sent (never decoded, so
 * the vendor sees the caller's bytes). Refuses dot segments, backslashes, encoded slashes,
 * control characters and empty segments, in any (repeated) percent-encoding.
 */
export function normaliseProxyPath(rest: string): string {
  const path = rest === '' ? '/' : rest;
  if (!path.startsWith('/') || path.startsWith('//')) throw new UnsafePathError();
  const segments = path.slice(1).split('/');
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string;
    if (segment === '' && index !== segments.length - 1) throw new UnsafePathError();
    const decoded = fullyDecode(segment);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
    if (decoded === '.' || decoded === '..' || /[/\\\u0000-\u001f\u007f]/.test(decoded)) {
      throw new UnsafePathError();
    }
  }
  return path;
}
