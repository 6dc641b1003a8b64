/** Decides which browser origins may call the gateway. */
export interface OriginPolicy {
  /** True when `origin` is allowed (`*`, exact match, or `*.example.com` subdomain match). */
  allows(origin: string): boolean;
  /** The allow-list holds `*`. */
  readonly allowsAny: boolean;
}

function normalise(origin: string): string {
  return origin.trim().toLowerCase().replace(/\/+$/, '');
}

/**
 * An origin allow-list. Entries are `*`, full origins (`https://app.example.com`), or wildcard
 * hosts with an optional scheme (`*.example.com`, `https://*.example.com`), which match any
 * subdomain but not the bare domain.
 */
export function createOriginPolicy(entries: readonly string[]): OriginPolicy {
  const exact = new Set<string>();
  const wildcards: Array<{ scheme: string | undefined; suffix: string }> = [];
  let allowsAny = false;
  for (const raw of entries) {
    const entry = normalise(raw);
    if (entry === '*') {
      allowsAny = true;
      continue;
    }
    const match = /^(?:(https?):\/\/)?\*\.([a-z0-9.-]+(?::\d+)?)$/.exec(entry);
    if (match) wildcards.push({ scheme: match[1], suffix: `.${match[2]}` });
    else exact.add(entry);
  }
  return {
    allowsAny,
    allows(origin) {
      if (allowsAny) return true;
      const candidate = normalise(origin);
      if (exact.has(candidate)) return true;
      const match = /^(https?):\/\/([^/]+)$/.exec(candidate);
      if (!match) return false;
      const [, scheme, host] = match as unknown as [string, string, string];
      return wildcards.some(
        (wildcard) =>
          (wildcard.scheme === undefined || wildcard.scheme === scheme) &&
          host.endsWith(wildcard.suffix) &&
          host.length > wildcard.suffix.length,
      );
    },
  };
}
