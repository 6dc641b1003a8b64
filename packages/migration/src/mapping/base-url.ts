/** A base URL made safe to store, with what was changed. */
export interface CleanedBaseUrl {
  url: string;
  warnings: string[];
}

const CREDENTIAL_PARAMETER =
  /^(?:key|api[-_]?key|apikey|token|access[-_]?token|auth|secret|sig|signature|password)$/i;
const HOST_WITHOUT_SCHEME =
  /^(?:localhost|[\w-]+(?:\.[\w-]+)+|\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?(?:\/|$)/i;

/**
 * Trims a base URL, drops trailing slashes, adds `http://` to a bare `host:port`, and removes
 * credentials (a user name or password, or a query parameter such as `?key=`) so that none is
 * stored in clear. An unparseable URL is returned as given for `validateMigration` to reject.
 */
export function cleanBaseUrl(raw: string): CleanedBaseUrl {
  const warnings: string[] = [];
  let text = raw.trim();
  if (!text.includes('://') && HOST_WITHOUT_SCHEME.test(text)) {
    text = `http://${text}`;
    warnings.push('the base URL had no scheme; http:// was assumed');
  }
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return { url: stripTrailingSlashes(text), warnings };
  }
  let changed = false;
  if (parsed.username !== '' || parsed.password !== '') {
    parsed.username = '';
    parsed.password = '';
    changed = true;
    warnings.push('the base URL contained a user name or password; they were removed');
  }
  for (const name of [...parsed.searchParams.keys()]) {
    if (CREDENTIAL_PARAMETER.test(name)) {
      parsed.searchParams.delete(name);
      changed = true;
      warnings.push(
        `the base URL query parameter "${name}" looks like a credential and was removed`,
      );
    }
  }
  if (!changed) return { url: stripTrailingSlashes(text), warnings };
  const path = stripTrailingSlashes(parsed.pathname);
  return { url: `${parsed.origin}${path === '/' ? '' : path}${parsed.search}`, warnings };
}

/** True when `url` parses as an absolute http(s) URL. */
export function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** True when `url` is plain http to a host other than this machine or a private network. */
export function isRemotePlainHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:') return false;
    return !/^(?:localhost|127\.\d+\.\d+\.\d+|\[::1\]|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(?:1[6-9]|2\d|3[01])\.\d+\.\d+|host\.docker\.internal|[\w-]+\.local)$/i.test(
      hostname,
    );
  } catch {
    return false;
  }
}

/** The URL's path ends with `segment` (e.g. `/anthropic`), ignoring trailing slashes. */
export function pathEndsWith(url: string, segment: string): boolean {
  try {
    return stripTrailingSlashes(new URL(url).pathname).endsWith(segment);
  } catch {
    return false;
  }
}

function stripTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x2f) end -= 1;
  return text.slice(0, end);
}
