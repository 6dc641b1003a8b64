import { VaultError } from '../errors/vault-error.js';
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

function parseVersion(value: unknown): BundleKeyVersion {
  if (!isRecord(value)) throw malformed();
  const { version, createdAt, expiresAt, key } = value;
  if (typeof version !== 'number' || typeof createdAt !== 'string' || typeof key !== 'string') {
    throw malformed();
  }
  if (expiresAt !== undefined && typeof expiresAt !== 'string') throw malformed();
  return { version, createdAt, key, ...(expiresAt === undefined ? {} : { expiresAt }) };
}

function parseEntry(value: unknown): BundleEntry {
  if (!isRecord(value)) throw malformed();
  const { provider, label, isDefault, createdAt, rotatedAt, metadata } = value;
  if (typeof provider !== 'string' || typeof label !== 'string' || typeof createdAt !== 'string') {
    throw malformed();
  }
  const entry: BundleEntry = {
    provider,
    label,
    isDefault: isDefault === true,
    createdAt,
    current: parseVersion(value.current),
  };
  if (typeof rotatedAt === 'string') entry.rotatedAt = rotatedAt;
  if (isRecord(metadata)) entry.metadata = metadata as Record<string, JsonValue>;
  if (value.previous !== undefined) entry.previous = parseVersion(value.previous);
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
  if (typeof exportedAt !== 'string' || !Array.isArray(entries)) throw malformed();
  const configs = providerConfigs ?? [];
  if (!Array.isArray(configs) || !configs.every(isRecord)) throw malformed();
  return {
    format: 'thinkbackcode-bundle',
    v: 1,
    exportedAt,
    entries: entries.map(parseEntry),
    providerConfigs: configs,
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
