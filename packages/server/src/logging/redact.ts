import { redact as vaultRedact } from '@thinkbackcode/vault';

/** Key-looking query or form values (`key=…`, `api_key: …`) that have no vendor key shape. */
const namedValue =
  /((?:api[_-]?key|x-goog-api-key|key|token|secret|password)["']?\s*[:=]\s*["']?)[^\s"'&,}]{6,}/gi;

/**
 * Masks `secrets` verbatim, then everything the vault's `redact()` masks (vendor key shapes,
 * bearer tokens, registered secrets), then values of key-named fields.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[REDACTED]');
  }
  return vaultRedact(result).replace(namedValue, (_match, prefix: string) => `${prefix}[REDACTED]`);
}
