/** Text that replaces every masked value. */
export const REDACTED = '[REDACTED]';

/** Shortest value `registerSecret` accepts: shorter ones would mask ordinary words. */
export const MINIMUM_SECRET_LENGTH = 6;

// Order matters: the Anthropic shape is tried before the generic `sk-` one.
const keyShapes: readonly RegExp[] = [
  /(?<![A-Za-z0-9_-])sk-ant-[A-Za-z0-9_-]{8,}/g,
  /(?<![A-Za-z0-9_-])sk-[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{20,}/g,
  /(?<![A-Za-z0-9_-])tbc_[A-Za-z0-9_-]{8,}/g,
];
const bearerShape = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi;

const registeredSecrets = new Set<string>();
let secretsLongestFirst: string[] = [];

/**
 * Makes `redact` mask `value` wherever it appears (e.g. a custom endpoint's key that has no
 * recognisable shape). Values shorter than 6 characters are ignored. The vault registers every
 * key it stores or returns.
 */
export function registerSecret(value: string): void {
  if (typeof value !== 'string' || value.length < MINIMUM_SECRET_LENGTH) return;
  if (registeredSecrets.has(value)) return;
  registeredSecrets.add(value);
  secretsLongestFirst = [...registeredSecrets].sort((left, right) => right.length - left.length);
}

/** Stops masking a value registered with `registerSecret`. */
export function unregisterSecret(value: string): void {
  if (registeredSecrets.delete(value)) {
    secretsLongestFirst = [...registeredSecrets].sort((left, right) => right.length - left.length);
  }
}

/**
 * Masks, in any text, everything shaped like a provider key (OpenAI `sk-…`, Anthropic
 * `sk-ant-…`, Google `AIza…`, ThinkBackCode `tbc_…`), bearer tokens (`Bearer …`) and every value
 * registered with `registerSecret`. The whole value is replaced by `[REDACTED]`: no prefix or
 * suffix of the secret is kept.
 */
export function redact(text: string): string {
  let result = String(text);
  for (const secret of secretsLongestFirst) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  for (const shape of keyShapes) result = result.replace(shape, REDACTED);
  return result.replace(bearerShape, (_match, prefix: string) => `${prefix}${REDACTED}`);
}

/** Longest provider id or label written to the audit log or an error. */
const MAXIMUM_NAME_LENGTH = 200;

/**
 * A provider id or label as it may be recorded (audit log, `VaultError.provider`): redacted,
 * without control characters, at most 200 characters (an ellipsis marks a cut). Redaction runs
 * before the cut, so a long key is masked whole rather than cut into an unrecognisable prefix.
 */
export function redactName(value: unknown): string {
  if (typeof value !== 'string') return '[invalid]';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
  const text = redact(value).replace(/[\u0000-\u001f\u007f]/g, '');
  return text.length > MAXIMUM_NAME_LENGTH ? `${text.slice(0, MAXIMUM_NAME_LENGTH - 1)}…` : text;
}

const sensitiveFieldName =
  /^(api[-_]?key|authorization|x-api-key|x-goog-api-key|password|secret|token|access[-_]?token|refresh[-_]?token)$/i;

/**
 * A deep copy of a JSON-like value with every string passed through `redact`, and the values of
 * fields named like credentials (`apiKey`, `authorization`, `password`, `token`, …) replaced whole.
 */
export function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [name, fieldValue] of Object.entries(value)) {
      copy[name] =
        sensitiveFieldName.test(name) && fieldValue !== null && fieldValue !== undefined
          ? REDACTED
          : redactValue(fieldValue);
    }
    return copy;
  }
  return value;
}
