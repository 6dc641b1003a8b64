import { VaultError } from '../errors/vault-error.js';
import type { EntryRecord, JsonValue } from './records.js';

/** Options of `KeyVault.store` (the seed's `StorageOptions`, plus labels). */
export interface StorageOptions {
  /** Must be true or absent (default true): the vault never stores a key in clear. */
  encrypted?: boolean;
  /** When the key stops being returned: a `Date`, an ISO 8601 string or epoch milliseconds. */
  expiresAt?: Date | string | number;
  /** Non-secret notes shown by `list()` (stored in clear: never put a key here). */
  metadata?: Record<string, JsonValue>;
  /** Which of the provider's keys this is (default `default`). */
  label?: string;
  /** Make this the key `retrieve(provider)` returns (default: only for a provider's first key). */
  makeDefault?: boolean;
}

/** Options of `KeyVault.rotate`. */
export interface RotateOptions {
  /** Which of the provider's keys to rotate (default: the default one). */
  label?: string;
  /** Expiry of the new key (none when absent). */
  expiresAt?: Date | string | number;
  /** Replaces the entry's metadata when given. */
  metadata?: Record<string, JsonValue>;
}

/** Chooses one of a provider's keys. */
export interface EntrySelector {
  /** The label; absent means the provider's default key. */
  label?: string;
}

/** What `list()` shows about a key. Never the key itself. */
export interface KeyInfo {
  id: string;
  provider: string;
  label: string;
  isDefault: boolean;
  /** Version of the current key (1 for a new entry; rises on store and rotate). */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Expiry of the current key (ISO 8601), if any. */
  expiresAt?: string;
  /** Whether the current key has expired (it is then never returned). */
  expired: boolean;
  /** When the key was last rotated (ISO 8601). */
  rotatedAt?: string;
  /** The version kept for rollback by `rotate`, until `removePreviousVersion`. */
  previousVersion?: { version: number; createdAt: string; expiresAt?: string };
  metadata: Record<string, JsonValue>;
}

const MAXIMUM_NAME_LENGTH = 200;
const MAXIMUM_KEY_LENGTH = 65_536;

/** Checks a provider id or label: 1–200 printable characters. */
export function checkName(value: unknown, what: 'provider' | 'label'): string {
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > MAXIMUM_NAME_LENGTH ||
    // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
    /[\u0000-\u001f\u007f]/.test(value)
  ) {
    throw new VaultError(
      'invalid_input',
      `The ${what} must be 1 to ${MAXIMUM_NAME_LENGTH} printable characters.`,
    );
  }
  return value;
}

/** Checks a key to store (never echoed). */
export function checkKey(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAXIMUM_KEY_LENGTH) {
    throw new VaultError(
      'invalid_input',
      `The key must be a string of 1 to ${MAXIMUM_KEY_LENGTH} characters.`,
    );
  }
  return value;
}

/** Normalises an expiry option to ISO 8601, or undefined. */
export function toExpiry(value: Date | string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (!Number.isFinite(time)) {
    throw new VaultError('invalid_input', 'expiresAt must be a valid date.');
  }
  return new Date(time).toISOString();
}

/** Checks that metadata is plain JSON and returns a copy. */
export function checkMetadata(
  value: Record<string, JsonValue> | undefined,
): Record<string, JsonValue> | undefined {
  if (value === undefined) return undefined;
  try {
    const copy: unknown = JSON.parse(JSON.stringify(value));
    if (typeof copy === 'object' && copy !== null && !Array.isArray(copy)) {
      return copy as Record<string, JsonValue>;
    }
  } catch {
    // fall through to the error below
  }
  throw new VaultError('invalid_input', 'metadata must be a plain JSON object.');
}

/** Whether an ISO expiry is at or before `now` (epoch ms). */
export function isExpired(expiresAt: string | undefined, now: number): boolean {
  return expiresAt !== undefined && Date.parse(expiresAt) <= now;
}

/** The provider's entry chosen by `selector`: by label, else the default, else the oldest. */
export function selectEntry(
  entries: Iterable<EntryRecord>,
  provider: string,
  selector: EntrySelector = {},
): EntryRecord | undefined {
  const candidates = [...entries]
    .filter((entry) => entry.provider === provider)
    .sort((left, right) => left.createdAt.localeCompare(right.createdAt));
  if (selector.label !== undefined) {
    return candidates.find((entry) => entry.label === selector.label);
  }
  return candidates.find((entry) => entry.isDefault) ?? candidates[0];
}

/** The `list()` view of an entry. */
export function toKeyInfo(entry: EntryRecord, now: number): KeyInfo {
  const info: KeyInfo = {
    id: entry.id,
    provider: entry.provider,
    label: entry.label,
    isDefault: entry.isDefault,
    version: entry.current.version,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    expired: isExpired(entry.current.expiresAt, now),
    metadata: { ...(entry.metadata ?? {}) },
  };
  if (entry.current.expiresAt !== undefined) info.expiresAt = entry.current.expiresAt;
  if (entry.rotatedAt !== undefined) info.rotatedAt = entry.rotatedAt;
  if (entry.previous !== undefined) {
    info.previousVersion = { version: entry.previous.version, createdAt: entry.previous.createdAt };
    if (entry.previous.expiresAt !== undefined) {
      info.previousVersion.expiresAt = entry.previous.expiresAt;
    }
  }
  return info;
}
