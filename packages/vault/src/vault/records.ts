import { type Envelope, parseEnvelope } from '../crypto/envelope.js';
import { VaultError } from '../errors/vault-error.js';

/** A JSON value (what `metadata` may hold). */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** Name of the record holding the vault header. */
export const HEADER_RECORD = 'vault';

/** Prefix of entry record names (`entry/<id>`). */
export const ENTRY_PREFIX = 'entry/';

/** The vault header: identity and the password verifier. */
export interface VaultHeader {
  format: 'thinkbackcode-vault';
  v: 1;
  /** Random id; bound into every entry's AAD so entries cannot move between vaults. */
  vaultId: string;
  createdAt: string;
  /** A known text encrypted under the password: decrypting it proves the password at unlock. */
  verifier: Envelope;
}

/** One version of a stored secret. */
export interface SecretVersion {
  /** Starts at 1; rises on every store over the entry and every rotation. */
  version: number;
  createdAt: string;
  /** When this version stops being returned (ISO 8601). */
  expiresAt?: string;
  /** The key, encrypted; AAD = `entryAad(...)`. */
  secret: Envelope;
}

/** A stored key: one provider, one label, the current version and maybe the previous one. */
export interface EntryRecord {
  id: string;
  provider: string;
  label: string;
  /** Whether `retrieve(provider)` without a label returns this entry. */
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
  /** When the current version replaced the previous one through `rotate`. */
  rotatedAt?: string;
  metadata?: Record<string, JsonValue>;
  current: SecretVersion;
  /** The version before the last rotation, kept for `rollback` until removed. */
  previous?: SecretVersion;
}

/** Text that a verifier envelope decrypts to. */
export const VERIFIER_TEXT = 'thinkbackcode-vault-verifier/v1';

/** AAD of the verifier: binds it to its vault. */
export function verifierAad(vaultId: string): string {
  return JSON.stringify(['thinkbackcode-vault/v1', 'verifier', vaultId]);
}

/**
 * AAD of an entry's secret: the vault, entry id, provider, label, version and expiry. Moving
 * ciphertext to another entry, provider or vault, or editing its expiry, fails decryption.
 */
export function entryAad(
  vaultId: string,
  entry: Pick<EntryRecord, 'id' | 'provider' | 'label'>,
  version: Omit<SecretVersion, 'secret'>,
): string {
  return JSON.stringify([
    'thinkbackcode-vault/v1',
    'entry',
    vaultId,
    entry.id,
    entry.provider,
    entry.label,
    version.version,
    version.createdAt,
    version.expiresAt ?? null,
  ]);
}

function corrupt(what: string): VaultError {
  return new VaultError('integrity', `The vault's ${what} record is damaged.`);
}

function parseJsonObject(text: string, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw corrupt(what);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw corrupt(what);
  return value as Record<string, unknown>;
}

function requireString(value: unknown, what: string): string {
  if (typeof value !== 'string') throw corrupt(what);
  return value;
}

/** Parses the header record. */
export function parseHeader(text: string): VaultHeader {
  const value = parseJsonObject(text, 'header');
  if (value.format !== 'thinkbackcode-vault' || value.v !== 1) throw corrupt('header');
  return {
    format: 'thinkbackcode-vault',
    v: 1,
    vaultId: requireString(value.vaultId, 'header'),
    createdAt: requireString(value.createdAt, 'header'),
    verifier: parseEnvelope(value.verifier),
  };
}

function parseVersion(value: unknown): SecretVersion {
  if (typeof value !== 'object' || value === null) throw corrupt('entry');
  const record = value as Record<string, unknown>;
  if (typeof record.version !== 'number') throw corrupt('entry');
  const version: SecretVersion = {
    version: record.version,
    createdAt: requireString(record.createdAt, 'entry'),
    secret: parseEnvelope(record.secret),
  };
  if (record.expiresAt !== undefined) version.expiresAt = requireString(record.expiresAt, 'entry');
  return version;
}

/** Parses an entry record. */
export function parseEntryRecord(text: string): EntryRecord {
  const value = parseJsonObject(text, 'entry');
  const entry: EntryRecord = {
    id: requireString(value.id, 'entry'),
    provider: requireString(value.provider, 'entry'),
    label: requireString(value.label, 'entry'),
    isDefault: value.isDefault === true,
    createdAt: requireString(value.createdAt, 'entry'),
    updatedAt: requireString(value.updatedAt, 'entry'),
    current: parseVersion(value.current),
  };
  if (value.rotatedAt !== undefined) entry.rotatedAt = requireString(value.rotatedAt, 'entry');
  if (typeof value.metadata === 'object' && value.metadata !== null) {
    entry.metadata = value.metadata as Record<string, JsonValue>;
  }
  if (value.previous !== undefined) entry.previous = parseVersion(value.previous);
  return entry;
}
