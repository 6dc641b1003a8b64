import type {
  BundleEntry,
  BundleKeyVersion,
  BundlePayload,
  ImportReport,
  KeyReference,
} from '../bundle/config-bundle.js';
import { summariseConfigs } from '../bundle/config-bundle.js';
import { randomId } from '../crypto/encoding.js';
import type { PasswordCipher } from '../crypto/password-cipher.js';
import { VaultError } from '../errors/vault-error.js';
import { checkKey, checkName, selectEntry } from './entry-options.js';
import { type EntryRecord, entryAad, type SecretVersion } from './records.js';

/** What `planImport` needs from the vault (read inside the write queue). */
export interface ImportContext {
  cipher: PasswordCipher;
  vaultId: string;
  entries: readonly EntryRecord[];
  /** Time of the import (ISO 8601). */
  now: string;
}

/** The report of an import and a function that builds the records to write. */
export interface ImportPlan {
  report: Omit<ImportReport, 'dryRun'>;
  /** Encrypts the added and updated entries under the vault's password (fresh salts). */
  build(): Promise<EntryRecord[]>;
}

/**
 * Compares a bundle with the vault: each bundle key is added (new provider and label),
 * unchanged (same key and expiry) or updated (the vault's version is kept as `previous`).
 * Existing keys are decrypted to compare, so an altered entry fails with `integrity`.
 */
export async function planImport(
  payload: BundlePayload,
  context: ImportContext,
): Promise<ImportPlan> {
  const { cipher, vaultId, entries, now } = context;
  const added: BundleEntry[] = [];
  const updated: { bundled: BundleEntry; existing: EntryRecord }[] = [];
  const unchanged: KeyReference[] = [];
  const mentioned = new Set<string>();
  const seen = new Set<string>();
  for (const bundled of payload.entries) {
    checkName(bundled.provider, 'provider');
    checkName(bundled.label, 'label');
    checkKey(bundled.current.key);
    const name = JSON.stringify([bundled.provider, bundled.label]);
    if (seen.has(name)) {
      throw new VaultError('integrity', 'The bundle lists the same provider and label twice.');
    }
    seen.add(name);
    const existing = selectEntry(entries, bundled.provider, { label: bundled.label });
    if (existing === undefined) {
      added.push(bundled);
      continue;
    }
    mentioned.add(existing.id);
    const aad = entryAad(vaultId, existing, existing.current);
    const currentKey = await cipher.open(existing.current.secret, aad);
    const same =
      currentKey === bundled.current.key &&
      existing.current.expiresAt === bundled.current.expiresAt;
    if (same) unchanged.push(reference(bundled));
    else updated.push({ bundled, existing });
  }
  const seal = async (
    identity: Pick<EntryRecord, 'id' | 'provider' | 'label'>,
    version: BundleKeyVersion,
    number: number,
  ): Promise<SecretVersion> => {
    const fields = {
      version: number,
      createdAt: version.createdAt,
      ...(version.expiresAt === undefined ? {} : { expiresAt: version.expiresAt }),
    };
    const secret = await cipher.seal(version.key, entryAad(vaultId, identity, fields));
    return { ...fields, secret };
  };
  const hasEntryFor = (provider: string) => entries.some((entry) => entry.provider === provider);
  const build = async (): Promise<EntryRecord[]> => {
    const addedRecords = added.map(async (bundled): Promise<EntryRecord> => {
      const identity = { id: randomId(), provider: bundled.provider, label: bundled.label };
      const record: EntryRecord = {
        ...identity,
        isDefault: bundled.isDefault && !hasEntryFor(bundled.provider),
        createdAt: bundled.createdAt,
        updatedAt: now,
        current: await seal(identity, bundled.current, bundled.current.version),
      };
      if (bundled.rotatedAt !== undefined) record.rotatedAt = bundled.rotatedAt;
      if (bundled.metadata !== undefined) record.metadata = bundled.metadata;
      if (bundled.previous !== undefined) {
        record.previous = await seal(identity, bundled.previous, bundled.previous.version);
      }
      return record;
    });
    const updatedRecords = updated.map(
      async ({ bundled, existing }): Promise<EntryRecord> => ({
        ...existing,
        updatedAt: now,
        rotatedAt: now,
        ...(bundled.metadata === undefined ? {} : { metadata: bundled.metadata }),
        current: await seal(existing, bundled.current, existing.current.version + 1),
        previous: existing.current,
      }),
    );
    return Promise.all([...addedRecords, ...updatedRecords]);
  };
  return {
    report: {
      exportedAt: payload.exportedAt,
      added: added.map(reference),
      updated: updated.map(({ bundled }) => reference(bundled)),
      unchanged,
      kept: entries.filter((entry) => !mentioned.has(entry.id)).map(reference),
      providerConfigs: summariseConfigs(payload.providerConfigs),
    },
    build,
  };
}

function reference(entry: { provider: string; label: string }): KeyReference {
  return { provider: entry.provider, label: entry.label };
}
