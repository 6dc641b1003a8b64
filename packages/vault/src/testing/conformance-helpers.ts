import { toBase64, toBase64Url, toHex, utf8Encode } from '../crypto/encoding.js';
import { VaultError, type VaultErrorCode } from '../errors/vault-error.js';
import type { KeyStore } from '../stores/key-store.js';

/** Throws with `message` unless `condition` holds. */
export function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

/** Resolves when `operation` rejects with a `VaultError` of `code`; throws otherwise. */
export async function expectCode(
  operation: () => Promise<unknown>,
  code: VaultErrorCode,
  what: string,
): Promise<void> {
  try {
    await operation();
  } catch (error) {
    check(
      VaultError.hasCode(error, code),
      `${what}: expected VaultError ${code}, got ${VaultError.isInstance(error) ? error.code : 'another error'}`,
    );
    return;
  }
  throw new Error(`${what}: expected VaultError ${code}, but it succeeded`);
}

/** A random fake key in a provider's shape (recognisable, never valid anywhere). */
export function fakeKey(prefix: string): string {
  return `${prefix}${toHex(globalThis.crypto.getRandomValues(new Uint8Array(20)))}`;
}

/** The forms in which a secret could leak into stored bytes: text, base64, base64url, hex. */
export function leakForms(secret: string): string[] {
  const bytes = utf8Encode(secret);
  return [secret, toBase64(bytes), toBase64Url(bytes), toHex(bytes), toHex(bytes).toUpperCase()];
}

/** Whether any form of any secret occurs in `text`. Returns the index of the first found. */
export function findLeak(text: string, secrets: readonly string[]): number {
  return secrets.findIndex((secret) => leakForms(secret).some((form) => text.includes(form)));
}

/** Reads all records, lets `mutate` change the copy, and writes back the difference. */
export async function tamper(
  store: KeyStore,
  mutate: (records: Map<string, string>) => void,
): Promise<void> {
  const before = await store.readAll();
  const after = new Map(before);
  mutate(after);
  const put: Record<string, string> = {};
  for (const [name, value] of after) if (before.get(name) !== value) put[name] = value;
  const remove = [...before.keys()].filter((name) => !after.has(name));
  await store.write({ put, delete: remove });
}

/** Parses a JSON record as an object (for tampering). */
export function recordObject(text: string | undefined): Record<string, unknown> {
  check(text !== undefined, 'record missing');
  const value: unknown = JSON.parse(text);
  check(typeof value === 'object' && value !== null, 'record is not an object');
  return value as Record<string, unknown>;
}

/** Name of the entry record of a provider (the first found). */
export function entryRecordName(records: Map<string, string>, provider: string): string {
  for (const [name, text] of records) {
    if (name.startsWith('entry/') && recordObject(text).provider === provider) return name;
  }
  throw new Error('entry record not found');
}

/** Concatenated text of every record (the default view of "raw stored bytes"). */
export async function recordsText(store: KeyStore): Promise<string> {
  return [...(await store.readAll())].map(([name, value]) => `${name}\n${value}`).join('\n');
}
