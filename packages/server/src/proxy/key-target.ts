/**
 * True when a stored provider config's key may go to `target`: same provider type, and a
 * `baseUrl` that is empty or on the target's origin. An unparsable `baseUrl` matches nothing.
 */
export function isStoredFor(
  stored: { provider: string; baseUrl?: string | undefined },
  target: { provider: string; origin: string },
): boolean {
  if (stored.provider !== target.provider) return false;
  if (stored.baseUrl === undefined || stored.baseUrl === '') return true;
  try {
    return new URL(stored.baseUrl).origin === target.origin;
  } catch {
    return false;
  }
}
