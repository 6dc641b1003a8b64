import { VaultError } from '../errors/vault-error.js';
import { checkKey, checkName } from '../vault/entry-options.js';
import type { JsonValue } from '../vault/records.js';

/** AAD of every bundle envelope: marks the envelope as a bundle of this format. */
export const BUNDLE_AAD = 'thinkbackcode-bundle/v1';

/** One key version inside a bundle (the key in clear, inside the encrypted payload only). */
export interface BundleKeyVersion {
  version: number;
  createdAt: string;
  expiresAt?: string;
  key: string;
}

/** One vault entry inside a bundle. */
export interface BundleEntry {
  provider: string;
  label: string;
  isDefault: boolean;
  createdAt: string;
  rotatedAt?: string;
  metadata?: Record<string, JsonValue>;
  current: BundleKeyVersion;
  previous?: BundleKeyVersion;
}

/** The decrypted content of a bundle. */
export interface BundlePayload {
  format: 'thinkbackcode-bundle';
  v: 1;
  exportedAt: string;
  entries: BundleEntry[];
  /** Provider configurations as plain JSON objects (functions such as `fetch` are dropped). */
  providerConfigs: Record<string, unknown>[];
}

/** Names one key in an import report. */
export interface KeyReference {
  provider: string;
  label: string;
}

/** A provider configuration named in an import report (no other field: configs may hold keys). */
export interface ProviderConfigSummary {
  provider: string;
  id?: string;
  name?: string;
}

/** What `importBundle` did, or would do with `dryRun`. Never holds a key: safe to print. */
export interface ImportReport {
  dryRun: boolean;
  /** When the bundle was exported (ISO 8601). */
  exportedAt: string;
  /** Keys new to this vault. */
  added: KeyReference[];
  /** Keys whose value or expiry differs: the vault's current version is kept for `rollback`. */
  updated: KeyReference[];
  /** Keys already in the vault with the same value and expiry. */
  unchanged: KeyReference[];
  /** Keys in the vault that the bundle does not mention (left as they are). */
  kept: KeyReference[];
  /** The provider configurations the bundle carries, by name only. */
  providerConfigs: ProviderConfigSummary[];
}

/** Result of `importBundle`. */
export interface ImportResult<Config = Record<string, unknown>> {
  /** What changed (or would change): safe to print or log. */
  report: ImportReport;
  /**
   * The bundle's provider configurations in full, for the caller to apply (e.g. to its config
   * store). They may contain keys (`apiKey`): never print or log them.
   */
  providerConfigs: Config[];
}

/** Options of `exportBundle`. */
export interface ExportOptions<Config extends object = Record<string, unknown>> {
  /** Provider configurations to carry in the bundle (serialised as JSON). */
  providerConfigs?: readonly Config[];
}

/** Options of `importBundle`. */
export interface ImportOptions {
  /** Report what would change and write nothing (default false). */
  dryRun?: boolean;
}

function malformed(): VaultError {
  return new VaultError('integrity', 'The bundle content is malformed.');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Most entries (and provider configurations) one bundle may carry. */
export const MAXIMUM_BUNDLE_ENTRIES = 1_000;
const MAXIMUM_JSON_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function checkDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || !Number.isFinite(Date.parse(value))) {
    throw malformed();
  }
  return value;
}

function checkVersionNumber(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw malformed();
  return value;
}

/** Checks a name or key with the vault's own checks, reporting a bad one as a malformed bundle. */
function checked<T>(check: () => T): T {
  try {
    return check();
  } catch {
    throw malformed();
  }
}

/**
 * A deep copy of decrypted JSON into plain objects, without `__proto__`, `constructor` or
 * `prototype` keys at any depth, so a bundle cannot smuggle prototype pollution to a caller who
 * merges what it gets back.
 */
function plainJson(value: unknown, depth = 0): unknown {
  if (depth > MAXIMUM_JSON_DEPTH) throw malformed();
  if (Array.isArray(value)) return value.map((item) => plainJson(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    const copy: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(value)) {
      if (!FORBIDDEN_KEYS.has(name)) copy[name] = plainJson(field, depth + 1);
    }
    return copy;
  }
  return value;
}

function parseVersion(value: unknown): BundleKeyVersion {
  if (!isRecord(value)) throw malformed();
  const { version, createdAt, expiresAt, key } = value;
  const parsed: BundleKeyVersion = {
    version: checkVersionNumber(version),
    createdAt: checkDate(createdAt),
    key: checked(() => checkKey(key)),
  };
  if (expiresAt !== undefined) parsed.expiresAt = checkDate(expiresAt);
  return parsed;
}

function parseEntry(value: unknown): BundleEntry {
  if (!isRecord(value)) throw malformed();
  const { provider, label, isDefault, createdAt, rotatedAt, metadata } = value;
  const entry: BundleEntry = {
    provider: checked(() => checkName(provider, 'provider')),
    label: checked(() => checkName(label, 'label')),
    isDefault: isDefault === true,
    createdAt: checkDate(createdAt),
    current: parseVersion(value.current),
  };
  if (rotatedAt !== undefined) entry.rotatedAt = checkDate(rotatedAt);
  if (metadata !== undefined) {
    if (!isRecord(metadata)) throw malformed();
    entry.metadata = plainJson(metadata) as Record<string, JsonValue>;
  }
  if (value.previous !== undefined) {
    entry.previous = parseVersion(value.previous);
    if (entry.previous.version >= entry.current.version) throw malformed();
  }
  return entry;
}

/** Parses decrypted bundle text. */
export function parseBundlePayload(text: string): BundlePayload {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed();
  }
  if (!isRecord(value) || value.format !== 'thinkbackcode-bundle' || value.v !== 1) {
    throw malformed();
  }
  const { exportedAt, entries, providerConfigs } = value;
  if (!Array.isArray(entries) || entries.length > MAXIMUM_BUNDLE_ENTRIES) throw malformed();
  const configs = providerConfigs ?? [];
  if (
    !Array.isArray(configs) ||
    configs.length > MAXIMUM_BUNDLE_ENTRIES ||
    !configs.every(isRecord)
  ) {
    throw malformed();
  }
  return {
    format: 'thinkbackcode-bundle',
    v: 1,
    exportedAt: checkDate(exportedAt),
    entries: entries.map(parseEntry),
    providerConfigs: configs.map((config) => plainJson(config) as Record<string, unknown>),
  };
}

/** Names of provider configurations, for reports. */
export function summariseConfigs(
  configs: readonly Record<string, unknown>[],
): ProviderConfigSummary[] {
  return configs.map((config) => {
    const summary: ProviderConfigSummary = {
      provider: typeof config.provider === 'string' ? config.provider : 'unknown',
    };
    if (typeof config.id === 'string') summary.id = config.id;
    if (typeof config.name === 'string') summary.name = config.name;
    return summary;
  });
}

/** Provider configurations as plain JSON objects. */
export function toPlainConfigs(configs: readonly object[]): Record<string, unknown>[] {
  return configs.map((config) => {
    const plain: unknown = JSON.parse(JSON.stringify(config));
    if (!isRecord(plain)) {
      throw new VaultError('invalid_input', 'Provider configurations must be objects.');
    }
    return plain;
  });
}
