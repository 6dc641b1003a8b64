import { type PathSegment, readJsonPath } from './json-path.js';

const defaultPaths: PathSegment[][] = [['error', 'message'], ['error'], ['message'], ['detail']];

/**
 * The error message in a body: `mapping.errorMessage` when set, else `error.message`, `error`,
 * `message`, `detail`; a text body as-is. `undefined` when none is there.
 */
export function errorMessageIn(
  body: unknown,
  path: readonly PathSegment[] | undefined,
): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.trim().slice(0, 500);
  for (const candidate of path ? [path, ...defaultPaths] : defaultPaths) {
    const value = readJsonPath(body, candidate);
    if (typeof value === 'string' && value !== '') return value;
  }
  return undefined;
}
