/** Request headers that may travel to the vendor; everything else is dropped. */
const forwardedRequestHeaders = new Set([
  'accept',
  'content-type',
  'authorization',
  'x-api-key',
  'x-goog-api-key',
  'x-goog-api-client',
  'anthropic-version',
  'anthropic-beta',
  'anthropic-dangerous-direct-browser-access',
  'openai-organization',
  'openai-project',
  'openai-beta',
  'idempotency-key',
  'user-agent',
]);

/** Response headers that may travel back to the client; cookies and vendor internals are dropped. */
const forwardedResponseHeaders = new Set([
  'content-type',
  'cache-control',
  'retry-after',
  'retry-after-ms',
  'x-request-id',
  'request-id',
  'openai-processing-ms',
  'openai-version',
  'x-should-retry',
]);
const forwardedResponsePrefixes = ['x-ratelimit-', 'anthropic-ratelimit-'];

/** Headers that name the caller's key, in the order they are looked at. */
export const keyHeaderNames = ['authorization', 'x-api-key', 'x-goog-api-key'] as const;

/** Header by which a caller can present a gateway key next to (or instead of) a vendor key. */
export const GATEWAY_KEY_HEADER = 'x-thinkbackcode-key';

/** The allow-listed request headers, lower-cased, with repeated values joined. */
export function filterRequestHeaders(
  headers: Iterable<[string, string | string[] | undefined]>,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    if (value === undefined || !forwardedRequestHeaders.has(lower)) continue;
    result[lower] = Array.isArray(value) ? value.join(', ') : value;
  }
  return result;
}

/**
 * Set on every proxied response, over whatever the upstream sent: a vendor answer opened in a
 * browser (a crafted error page, an uploaded file) never runs as a page of the gateway's origin.
 */
export const proxyResponseSecurityHeaders: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; sandbox",
};

/** The allow-listed response headers, plus `proxyResponseSecurityHeaders`. */
export function filterResponseHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const result: Record<string, string> = { ...proxyResponseSecurityHeaders };
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    const lower = name.toLowerCase();
    if (lower in proxyResponseSecurityHeaders) continue;
    if (
      forwardedResponseHeaders.has(lower) ||
      forwardedResponsePrefixes.some((prefix) => lower.startsWith(prefix))
    ) {
      result[lower] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return result;
}

/** The bare key in a header value (`Bearer sk-…` → `sk-…`). */
export function keyFromHeaderValue(value: string): string {
  return value.replace(/^Bearer\s+/i, '').trim();
}
