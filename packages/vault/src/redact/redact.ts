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
  // Groq, xAI, Hugging Face, GitHub (classic and fine-grained), Stripe live/test/restricted.
  /(?<![A-Za-z0-9_-])gsk_[A-Za-z0-9]{16,}/g,
  /(?<![A-Za-z0-9_-])xai-[A-Za-z0-9_-]{16,}/g,
  /(?<![A-Za-z0-9_-])hf_[A-Za-z0-9]{16,}/g,
  /(?<![A-Za-z0-9_-])gh[pousr]_[A-Za-z0-9]{20,}/g,
  /(?<![A-Za-z0-9_-])github_pat_[A-Za-z0-9_]{20,}/g,
  /(?<![A-Za-z0-9_-])[sr]k_(?:live|test)_[A-Za-z0-9]{10,}/g,
  // AWS access key ids, Slack bot/user/app tokens.
  /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/g,
  /(?<![A-Za-z0-9_-])xox[abposr]-[A-Za-z0-9-]{10,}/g,
];
const bearerShape = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi;
/** `Authorization: Basic …` (and `Proxy-Authorization`), as header text or JSON. */
const basicShape = /(authorization["']?\s*[:=]\s*["']?Basic\s+)[A-Za-z0-9+/=._~-]{4,}/gi;
/** `x-api-key: …`, `api-key: …`, `x-goog-api-key: …` header text (also `=` and JSON). */
const apiKeyHeaderShape = /\b((?:x-(?:goog-)?)?api-key["']?\s*[:=]\s*["']?)[^\s"',;&]{4,}/gi;
/** Credentials in URL query strings: `?key=…`, `&api_key=…`, `&access_token=…`. */
const queryShape = /([?&](?:key|api_key|apikey|access_token|token)=)[^&\s#"']{6,}/gi;

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
  // The same value inside JSON text, where quotes, backslashes and controls are escaped.
  const escaped = JSON.stringify(value).slice(1, -1);
  if (escaped !== value) registeredSecrets.add(escaped);
  secretsLongestFirst = [...registeredSecrets].sort((left, right) => right.length - left.length);
}

/** Stops masking a value registered with `registerSecret`. */
export function unregisterSecret(value: string): void {
  if (typeof value !== 'string') return;
  const removed = registeredSecrets.delete(value);
  registeredSecrets.delete(JSON.stringify(value).slice(1, -1));
  if (removed) {
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
  const keepPrefix = (_match: string, prefix: string) => `${prefix}${REDACTED}`;
  return result
    .replace(bearerShape, keepPrefix)
    .replace(basicShape, keepPrefix)
    .replace(apiKeyHeaderShape, keepPrefix)
    .replace(queryShape, keepPrefix);
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

/** Field names whose values are credentials: matched anywhere in the name (`clientSecret`). */
const sensitiveFieldName =
  /(api[-_]?key|secret|token|password|authorization|cookie|private[-_]?key)/i;

/** Deeper values are replaced whole (`redactValue` must not overflow the stack). */
const MAXIMUM_DEPTH = 64;

/**
 * A deep copy of a JSON-like value with every string passed through `redact`. Under a field
 * whose name contains `apiKey`, `secret`, `token`, `password`, `authorization`, `cookie` or
 * `privateKey`, every string is replaced whole (numbers and booleans, such as `maxTokens`, are
 * kept). Cycles become `[Circular]`; values nested deeper than 64 levels become `[REDACTED]`.
 */
export function redactValue(value: unknown): unknown {
  return redactNested(value, false, 0, new Set());
}

function redactNested(
  value: unknown,
  sensitive: boolean,
  depth: number,
  ancestors: Set<object>,
): unknown {
  if (typeof value === 'string') return sensitive ? REDACTED : redact(value);
  if (typeof value !== 'object' || value === null) return value;
  if (ancestors.has(value)) return '[Circular]';
  if (depth >= MAXIMUM_DEPTH) return REDACTED;
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => redactNested(item, sensitive, depth + 1, ancestors));
    }
    const copy: Record<string, unknown> = {};
    for (const [name, fieldValue] of Object.entries(value)) {
      if (name === '__proto__') continue;
      copy[name] = redactNested(
        fieldValue,
        sensitive || sensitiveFieldName.test(name),
        depth + 1,
        ancestors,
      );
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}
