import type { AuditAction } from '../audit/audit-entry.js';
import { randomId } from '../crypto/encoding.js';
import type { PasswordCipher } from '../crypto/password-cipher.js';
import { VaultError } from '../errors/vault-error.js';
import {
  checkKey,
  checkMetadata,
  checkName,
  type EntrySelector,
  isExpired,
  type KeyInfo,
  type RotateOptions,
  type StorageOptions,
  selectEntry,
  toExpiry,
  toKeyInfo,
} from './entry-options.js';
import { type EntryRecord, entryAad, type VaultHeader } from './records.js';
import { VaultCore } from './vault-core.js';

/** Context of a key read, for the audit log. */
export interface AccessContext extends EntrySelector {
  /** Recorded action (default `key.retrieve`). */
  action?: AuditAction;
  /** Public id of the session reading the key. */
  sessionId?: string;
}

/**
 * The key operations of the vault: store, read, delete, list, rotate and roll back entries.
 * `KeyVault` adds free-form encryption and export/import on top.
 */
export class EntryVault extends VaultCore {
  /**
   * Encrypts and stores `key` for `provider` (under `options.label`, default `default`),
   * replacing the value of an existing entry with that label.
   * @throws VaultError `locked`, `invalid_input`, `storage`
   */
  async store(provider: string, key: string, options: StorageOptions = {}): Promise<KeyInfo> {
    checkName(provider, 'provider');
    const label = checkName(options.label ?? 'default', 'label');
    if (options.encrypted === false) {
      throw new VaultError('invalid_input', 'The vault stores keys encrypted only.');
    }
    checkKey(key);
    const expiresAt = toExpiry(options.expiresAt);
    const metadata = checkMetadata(options.metadata);
    const cipher = this.requireCipher({ action: 'key.store', provider, label });
    this.rememberSecret(key);
    const freshKey = await cipher.freshKey();
    let stored: EntryRecord | undefined;
    await this.queue.run(async () => {
      this.checkSameCipher(cipher);
      const header = this.requireHeader();
      const existing = selectEntry(this.entries.values(), provider, { label });
      const now = this.iso();
      const id = existing?.id ?? randomId();
      const fields = {
        version: (existing?.current.version ?? 0) + 1,
        createdAt: now,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
      const aad = entryAad(header.vaultId, { id, provider, label }, fields);
      const isFirst = selectEntry(this.entries.values(), provider) === undefined;
      const entry: EntryRecord = {
        id,
        provider,
        label,
        isDefault: options.makeDefault ?? existing?.isDefault ?? isFirst,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        current: { ...fields, secret: await cipher.sealWith(freshKey, key, aad) },
      };
      if (existing?.rotatedAt !== undefined) entry.rotatedAt = existing.rotatedAt;
      if (existing?.previous !== undefined) entry.previous = existing.previous;
      const entryMetadata = metadata ?? existing?.metadata;
      if (entryMetadata !== undefined) entry.metadata = entryMetadata;
      await this.commitNow({ putEntries: [entry, ...this.#clearOtherDefaults(entry)] }, [
        { action: 'key.store', outcome: 'success', provider, label },
      ]);
      stored = entry;
    });
    return toKeyInfo(stored!, this.now());
  }

  /**
   * The provider's key (the default one, or `selector.label`), or `null` when there is none or
   * it has expired (the audit log records which).
   * @throws VaultError `locked`, `integrity`
   */
  async retrieve(provider: string, selector: EntrySelector = {}): Promise<string | null> {
    try {
      return await this.retrieveOrThrow(provider, selector);
    } catch (error) {
      if (VaultError.hasCode(error, 'not_found') || VaultError.hasCode(error, 'expired')) {
        return null;
      }
      throw error;
    }
  }

  /**
   * Like `retrieve`, but throws `not_found` or `expired` instead of returning `null`.
   * First read of an entry in a session costs one PBKDF2; later reads use the cached key.
   */
  async retrieveOrThrow(provider: string, context: AccessContext = {}): Promise<string> {
    const action = context.action ?? 'key.retrieve';
    const audit = {
      action,
      provider,
      ...(context.label === undefined ? {} : { label: context.label }),
      ...(context.sessionId === undefined ? {} : { sessionId: context.sessionId }),
    };
    const cipher = this.requireCipher(audit);
    const header = this.requireHeader();
    const entry = selectEntry(this.entries.values(), provider, context);
    if (entry === undefined) {
      const damaged = [...this.damaged.values()].some(
        (parts) =>
          parts.provider === provider &&
          (context.label === undefined || parts.label === context.label),
      );
      const code = damaged ? 'integrity' : 'not_found';
      this.auditLater({ ...audit, outcome: 'failure', reason: code });
      throw damaged
        ? new VaultError('integrity', 'The stored entry is damaged.', { provider })
        : new VaultError('not_found', 'No key is stored for this provider.', { provider });
    }
    const entryAudit = { ...audit, label: entry.label };
    if (isExpired(entry.current.expiresAt, this.now())) {
      this.auditLater({ ...entryAudit, outcome: 'failure', reason: 'expired' });
      throw new VaultError('expired', 'The stored key has expired.', { provider });
    }
    let key: string;
    try {
      key = await cipher.open(entry.current.secret, entryAad(header.vaultId, entry, entry.current));
    } catch (error) {
      this.auditLater({ ...entryAudit, outcome: 'failure', reason: 'integrity' });
      throw VaultError.isInstance(error)
        ? new VaultError(error.code, error.message, { provider, cause: error.cause })
        : error;
    }
    this.rememberSecret(key);
    if (this.cipher !== cipher) {
      this.auditLater({ ...entryAudit, outcome: 'denied', reason: 'locked' });
      this.checkSameCipher(cipher);
    }
    this.auditLater({ ...entryAudit, outcome: 'success' });
    return key;
  }

  /**
   * Deletes the provider's keys: the one with `selector.label`, or all of them.
   * @returns whether anything was deleted
   */
  async delete(provider: string, selector: EntrySelector = {}): Promise<boolean> {
    const cipher = this.requireCipher({ action: 'key.delete', provider });
    let deleted = false;
    await this.queue.run(async () => {
      this.checkSameCipher(cipher);
      const doomed = [...this.entries.values()].filter(
        (entry) =>
          entry.provider === provider &&
          (selector.label === undefined || entry.label === selector.label),
      );
      for (const entry of doomed) cipher.forget(secretsOf(entry));
      const outcome = doomed.length > 0 ? 'success' : 'failure';
      await this.commitNow({ deleteEntryIds: doomed.map((entry) => entry.id) }, [
        {
          action: 'key.delete',
          outcome,
          provider,
          ...(selector.label === undefined ? {} : { label: selector.label }),
          ...(outcome === 'failure' ? { reason: 'not_found' } : {}),
        },
      ]);
      deleted = doomed.length > 0;
    });
    return deleted;
  }

  /** Every stored key's description (never the key), sorted by provider then label. */
  async list(): Promise<KeyInfo[]> {
    this.requireCipher({ action: 'key.list' });
    const now = this.now();
    return [...this.entries.values()]
      .map((entry) => toKeyInfo(entry, now))
      .sort(
        (left, right) =>
          left.provider.localeCompare(right.provider) || left.label.localeCompare(right.label),
      );
  }

  /**
   * Replaces the provider's key with `newKey`, keeping the current one as the previous version
   * for `rollback` (an older previous version is discarded). Records the rotation date.
   * @throws VaultError `not_found`, `locked`, `invalid_input`
   */
  async rotate(provider: string, newKey: string, options: RotateOptions = {}): Promise<KeyInfo> {
    checkKey(newKey);
    const expiresAt = toExpiry(options.expiresAt);
    const metadata = checkMetadata(options.metadata);
    const cipher = this.requireCipher({ action: 'key.rotate', provider });
    this.rememberSecret(newKey);
    const freshKey = await cipher.freshKey();
    return this.updateEntry(cipher, provider, options, 'key.rotate', async (entry, vaultId) => {
      const now = this.iso();
      const fields = {
        version: entry.current.version + 1,
        createdAt: now,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      };
      if (entry.previous !== undefined) cipher.forget([entry.previous.secret]);
      const aad = entryAad(vaultId, entry, fields);
      const rotated: EntryRecord = {
        ...entry,
        updatedAt: now,
        rotatedAt: now,
        current: { ...fields, secret: await cipher.sealWith(freshKey, newKey, aad) },
        previous: entry.current,
      };
      if (metadata !== undefined) rotated.metadata = metadata;
      return rotated;
    });
  }

  /**
   * Restores the version kept by the last `rotate` and discards the rotated-in key.
   * @throws VaultError `not_found` when there is no previous version
   */
  async rollback(provider: string, selector: EntrySelector = {}): Promise<KeyInfo> {
    const cipher = this.requireCipher({ action: 'key.rollback', provider });
    return this.updateEntry(cipher, provider, selector, 'key.rollback', async (entry) => {
      if (entry.previous === undefined) {
        throw new VaultError('not_found', 'There is no previous version to roll back to.', {
          provider,
        });
      }
      cipher.forget([entry.current.secret]);
      const { previous, rotatedAt: _rotatedAt, ...rest } = entry;
      return { ...rest, updatedAt: this.iso(), current: previous };
    });
  }

  /** Discards the version kept for rollback. */
  async removePreviousVersion(provider: string, selector: EntrySelector = {}): Promise<KeyInfo> {
    const cipher = this.requireCipher({ action: 'key.remove_previous', provider });
    return this.updateEntry(cipher, provider, selector, 'key.remove_previous', async (entry) => {
      if (entry.previous !== undefined) cipher.forget([entry.previous.secret]);
      const { previous: _previous, ...rest } = entry;
      return { ...rest, updatedAt: this.iso() };
    });
  }

  /** Drops the derived keys of the provider's entries; the next read derives them again. */
  forgetCachedKeys(provider: string): void {
    for (const entry of this.entries.values()) {
      if (entry.provider === provider) this.cipher?.forget(secretsOf(entry));
    }
  }

  protected async updateEntry(
    cipher: PasswordCipher,
    provider: string,
    selector: EntrySelector,
    action: AuditAction,
    change: (entry: EntryRecord, vaultId: string) => Promise<EntryRecord>,
  ): Promise<KeyInfo> {
    let updated: EntryRecord | undefined;
    await this.queue.run(async () => {
      this.checkSameCipher(cipher);
      const header = this.requireHeader();
      const entry = selectEntry(this.entries.values(), provider, selector);
      if (entry === undefined) {
        throw new VaultError('not_found', 'No key is stored for this provider.', { provider });
      }
      updated = await change(entry, header.vaultId);
      await this.commitNow({ putEntries: [updated] }, [
        { action, outcome: 'success', provider, label: entry.label },
      ]);
    });
    return toKeyInfo(updated!, this.now());
  }

  #clearOtherDefaults(entry: EntryRecord): EntryRecord[] {
    if (!entry.isDefault) return [];
    return [...this.entries.values()]
      .filter(
        (other) => other.provider === entry.provider && other.id !== entry.id && other.isDefault,
      )
      .map((other) => ({ ...other, isDefault: false }));
  }

  protected requireHeader(): VaultHeader {
    if (this.header === undefined) {
      throw new VaultError('locked', 'The vault is not open: unlock it first.');
    }
    return this.header;
  }
}

function secretsOf(entry: EntryRecord) {
  return entry.previous === undefined
    ? [entry.current.secret]
    : [entry.current.secret, entry.previous.secret];
}
