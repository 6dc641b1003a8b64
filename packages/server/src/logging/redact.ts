const keyShapes: readonly RegExp[] = [
  /sk-ant-[A-Za-z0-9_-]{8,}/g,
  /sk-[A-Za-z0-9_-]{16,}/g,
  /AIza[0-9A-Za-z_-]{20,}/g,
  /tbc(?:admin)?_[A-Za-z0-9_-]{8,}/g,
  /(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /((?:api[_-]?key|x-goog-api-key|key|token|secret|password)["']?\s*[:=]\s*["']?)[^\s"'&,}]{6,}/gi,
];

/**
 * Masks anything shaped like a key, token or password in `text`, and each of `secrets` verbatim.
 * The gateway's stand-in for the vault's `redact()`.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join('[REDACTED]');
  }
  for (const shape of keyShapes) {
    result = result.replace(shape, (_match, prefix: unknown) =>
      typeof prefix === 'string' ? `${prefix}[REDACTED]` : '[REDACTED]',
    );
  }
  return result;
}
