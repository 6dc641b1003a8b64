import type { OriginPolicy } from './origin-policy.js';

const allowedRequestHeaders =
  'authorization, content-type, x-api-key, x-goog-api-key, x-goog-api-client, anthropic-version, ' +
  'anthropic-beta, anthropic-dangerous-direct-browser-access, openai-organization, openai-project, ' +
  'openai-beta, idempotency-key, x-thinkbackcode-key, x-stainless-arch, x-stainless-lang, ' +
  'x-stainless-os, x-stainless-package-version, x-stainless-retry-count, x-stainless-runtime, ' +
  'x-stainless-runtime-version, x-stainless-timeout';
const exposedHeaders =
  'server-timing, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, x-request-id, request-id';

/**
 * CORS headers for an allowed `origin` (none when the request has no `Origin`). The origin is
 * echoed, never `*`, so the answer is right for credentialed requests too; credentials are only
 * allowed for origins listed explicitly, never through `*`.
 */
export function corsHeaders(
  policy: OriginPolicy,
  origin: string | undefined,
): Record<string, string> {
  if (origin === undefined) return { vary: 'Origin' };
  const headers: Record<string, string> = {
    vary: 'Origin',
    'access-control-allow-origin': origin,
    'access-control-expose-headers': exposedHeaders,
  };
  if (!policy.allowsAny) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/** Headers answering a preflight for an allowed origin. */
export function preflightHeaders(policy: OriginPolicy, origin: string): Record<string, string> {
  return {
    ...corsHeaders(policy, origin),
    vary: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method',
    'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
    'access-control-allow-headers': allowedRequestHeaders,
    'access-control-max-age': '600',
  };
}
