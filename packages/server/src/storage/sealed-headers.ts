import { REDACTED, redact } from '@thinkbackcode/vault';
import type { SecretBox } from '../security/secret-box.js';

/** Header names that carry credentials. */
const sensitiveName =
  /authorization|api[-_]?key|token|secret|password|cookie|signature|credential/i;

/** Whether a header (name and value) looks like a credential. */
export function isSensitiveHeader(name: string, value: string): boolean {
  return sensitiveName.test(name) || redact(value) !== value;
}

/** Headers split into what may be stored and listed in clear and what must be sealed. */
export interface SplitHeaders {
  plain: Record<string, string>;
  secret: Record<string, string>;
}

/** Splits a config's `headers` by sensitivity. */
export function splitHeaders(headers: unknown): SplitHeaders {
  const plain: Record<string, string> = {};
  const secret: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return { plain, secret };
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== 'string') continue;
    if (isSensitiveHeader(name, value)) secret[name] = value;
    else plain[name] = value;
  }
  return { plain, secret };
}

/** The AAD context of a provider's sealed headers (distinct from its key's). */
const headersContext = (providerId: string) => `${providerId}#headers`;

/** Seals the sensitive headers as one vault envelope bound to the provider id. */
export async function sealHeaders(
  secretBox: SecretBox,
  providerId: string,
  secret: Record<string, string>,
): Promise<string | undefined> {
  if (Object.keys(secret).length === 0) return undefined;
  return secretBox.seal(JSON.stringify(secret), headersContext(providerId));
}

/** Opens what `sealHeaders` produced. */
export async function openHeaders(
  secretBox: SecretBox,
  providerId: string,
  sealed: string,
): Promise<Record<string, string>> {
  return JSON.parse(await secretBox.open(sealed, headersContext(providerId))) as Record<
    string,
    string
  >;
}

/** Listing form: sensitive header names with their values masked. */
export function maskedHeaders(
  plain: Record<string, string> | undefined,
  secretNames: readonly string[],
): Record<string, string> {
  const headers = { ...plain };
  for (const name of secretNames) headers[name] = REDACTED;
  return headers;
}
