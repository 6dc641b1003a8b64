import {
  type AuditHead,
  type AuditVerification,
  chainAuditEvents,
  readAuditEntries,
  readAuditHead,
  verifyAuditChain,
} from '../audit/audit-chain.js';
import {
  AUDIT_HEAD_RECORD,
  type AuditEntry,
  type AuditEvent,
  auditRecordName,
} from '../audit/audit-entry.js';
import { randomId } from '../crypto/encoding.js';
import { type KdfOptions, type KdfPolicy, resolveKdfPolicy } from '../crypto/key-derivation.js';
import { PasswordCipher } from '../crypto/password-cipher.js';
import { VaultError } from '../errors/vault-error.js';
import { redactName, registerSecret } from '../redact/redact.js';
import { type KeyStore, KeyStoreConflict } from '../stores/key-store.js';
import {
  ENTRY_PREFIX,
  type EntryRecord,
  entryAad,
  HEADER_RECORD,
  type VaultHeader,
  VERIFIER_TEXT,
  verifierAad,
} from './records.js';
import { parseVaultState, stateSnapshot } from './vault-state.js';
import { WriteQueue } from './write-queue.js';

/** Options of `KeyVault`. */
export interface KeyVaultOptions extends KdfOptions {
  /** Where the vault's records live. */
  store: KeyStore;
  /** Who is acting, recorded in every audit entry (default `vault`), e.g. `cli`, `server`. */
  actor?: string;
  /** Clock in epoch milliseconds (default `Date.now`); injectable for tests. */
  now?: () => number;
}

/** Changes to the vault's records, applied atomically with their audit entries. */
export interface VaultChanges {
  header?: VaultHeader;
  putEntries?: readonly EntryRecord[];
  deleteEntryIds?: readonly string[];
}

type StampedEvent = AuditEvent & { time: string; actor: string };

/**
 * State, persistence, locking and the audit chain of a `KeyVault`. Every write goes through one
 * queue, together with the audit entries it produced, as one atomic store batch.
 */
export class VaultCore {
  protected readonly keyStore: KeyStore;
  protected readonly policy: KdfPolicy;
  protected readonly actor: string;
  protected readonly now: () => number;
  protected readonly queue = new WriteQueue();
  protected header: VaultHeader | undefined;
  protected entries = new Map<string, EntryRecord>();
  /** Entry records that could not be parsed, by record name, with what could be read. */
  protected damaged = new Map<string, { provider?: string; label?: string }>();
  protected cipher: PasswordCipher | undefined;
  #generation = 0;
  /** Counts `lock()` calls: an unlock or password change that began before a lock gives way. */
  #lockCount = 0;
  #auditHead: AuditHead = readAuditHead(new Map());
  /** The `audit-head` record as last read or written (`null`: absent), for compare-and-swap. */
  #auditHeadText: string | null = null;
  #pendingAudit: StampedEvent[] = [];
  #flushScheduled = false;

  constructor(options: KeyVaultOptions) {
    this.keyStore = options.store;
    this.policy = resolveKdfPolicy(options);
    this.actor = options.actor ?? 'vault';
    this.now = options.now ?? Date.now;
  }

  /** Changes on every unlock, lock and password change; sessions created before are void. */
  get generation(): number {
    return this.#generation;
  }

  /** Number of derived entry keys held in memory (0 when locked); for tests and diagnostics. */
  get derivedKeyCount(): number {
    return this.cipher?.cachedKeyCount ?? 0;
  }

  /** Whether the vault is unlocked. */
  isUnlocked(): boolean {
    return this.cipher !== undefined;
  }

  /** Whether the store already holds a vault (otherwise `unlock` creates one). */
  async isInitialized(): Promise<boolean> {
    return (await this.#readAll()).has(HEADER_RECORD);
  }

  /**
   * Opens the vault with its password: one PBKDF2 derivation checks it against the verifier.
   * On an empty store this creates the vault with this password.
   * @throws VaultError `wrong_password`, `integrity`, `storage`, `invalid_input`
   */
  async unlock(password: string): Promise<void> {
    const lockCount = this.#lockCount;
    await this.queue.run(async () => {
      this.#checkNotLockedSince(lockCount);
      await this.load();
      const cipher = await PasswordCipher.create(password, this.policy);
      if (this.header === undefined) {
        const vaultId = randomId();
        const header: VaultHeader = {
          format: 'thinkbackcode-vault',
          v: 1,
          vaultId,
          createdAt: this.iso(),
          verifier: await cipher.seal(VERIFIER_TEXT, verifierAad(vaultId)),
        };
        this.#checkNotLockedSince(lockCount);
        await this.commitNow({ header }, [{ action: 'vault.create', outcome: 'success' }]);
      } else {
        await this.#verifyPassword(cipher, this.header, 'vault.unlock');
        this.#checkNotLockedSince(lockCount);
        this.#pendingAudit.push(this.#stamp({ action: 'vault.unlock', outcome: 'success' }));
      }
      // lock() may have run during commitNow: it must win.
      this.#checkNotLockedSince(lockCount);
      this.cipher?.clear();
      this.cipher = cipher;
      this.#generation += 1;
    });
    this.#scheduleFlush();
  }

  /** Forgets the password and every derived key; sessions end. Pending audit entries are written. */
  async lock(): Promise<void> {
    const wasUnlocked = this.cipher !== undefined;
    this.#lockCount += 1;
    this.cipher?.clear();
    this.cipher = undefined;
    this.#generation += 1;
    if (wasUnlocked)
      this.#pendingAudit.push(this.#stamp({ action: 'vault.lock', outcome: 'success' }));
    await this.flush();
  }

  /**
   * Re-encrypts every entry under `newPassword` (new salts) and writes them, with a new
   * verifier, in one atomic batch. Leaves the vault unlocked with the new password.
   * @throws VaultError `wrong_password` when `oldPassword` is wrong, `integrity` if an entry is damaged
   */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    const lockCount = this.#lockCount;
    await this.queue.run(async () => {
      this.#checkNotLockedSince(lockCount);
      await this.load();
      const header = this.header;
      if (header === undefined) throw new VaultError('not_found', 'There is no vault to change.');
      const verifying = await PasswordCipher.create(oldPassword, this.policy);
      await this.#verifyPassword(verifying, header, 'vault.change_password');
      // The unlocked cipher (same password, now proven) already holds the derived keys.
      const oldCipher = this.cipher ?? verifying;
      const newCipher = await PasswordCipher.create(newPassword, this.policy);
      const reencrypted = await Promise.all(
        [...this.entries.values()].map(async (entry) => {
          const copy: EntryRecord = { ...entry, current: { ...entry.current } };
          const versions = [copy.current];
          if (entry.previous !== undefined) {
            copy.previous = { ...entry.previous };
            versions.push(copy.previous);
          }
          for (const version of versions) {
            const aad = entryAad(header.vaultId, entry, version);
            const key = await oldCipher.open(version.secret, aad);
            version.secret = await newCipher.seal(key, aad);
          }
          return copy;
        }),
      );
      const newHeader: VaultHeader = {
        ...header,
        verifier: await newCipher.seal(VERIFIER_TEXT, verifierAad(header.vaultId)),
      };
      this.#checkNotLockedSince(lockCount);
      await this.commitNow({ header: newHeader, putEntries: reencrypted }, [
        { action: 'vault.change_password', outcome: 'success' },
      ]);
      oldCipher.clear();
      if (lockCount !== this.#lockCount) {
        // Locked while the new password was being written: it is changed, the vault stays locked.
        newCipher.clear();
        this.#generation += 1;
        return;
      }
      this.cipher = newCipher;
      this.#generation += 1;
    });
  }

  /** Waits until every audit entry recorded so far is written. */
  async flush(): Promise<void> {
    await this.queue.run(() => this.commitNow({}, []));
  }

  /** Appends an event to the audit log and waits until it is written. */
  async recordAudit(event: AuditEvent): Promise<void> {
    await this.queue.run(() => this.commitNow({}, [event]));
  }

  /** Every audit entry, oldest first, read from the store. */
  async getAuditLog(): Promise<AuditEntry[]> {
    await this.flush();
    return readAuditEntries(await this.#readAll());
  }

  /** Checks the stored audit chain: detects edited, deleted and reordered entries. */
  async verifyAuditLog(): Promise<AuditVerification> {
    await this.flush();
    return verifyAuditChain(await this.#readAll());
  }

  /**
   * Lets `redact()` mask a key this vault handles. It stays registered for the life of the
   * process: locking this vault must not unmask a key another vault (or a caller) still uses.
   */
  protected rememberSecret(key: string): void {
    registerSecret(key);
  }

  /** The cipher, or a `locked` error (audited as a denial). */
  protected requireCipher(event: Omit<AuditEvent, 'outcome'>): PasswordCipher {
    if (this.cipher === undefined) {
      this.auditLater({ ...event, outcome: 'denied', reason: 'locked' });
      throw new VaultError('locked', 'The vault is locked: unlock it first.', {
        ...(event.provider === undefined ? {} : { provider: event.provider }),
      });
    }
    return this.cipher;
  }

  /** Throws `locked` if the vault was locked, or its password changed, since `cipher` was taken. */
  protected checkSameCipher(cipher: PasswordCipher): void {
    if (this.cipher !== cipher) {
      throw new VaultError('locked', 'The vault was locked or re-keyed during the operation.');
    }
  }

  /**
   * Another writer changed the store: reloads it. If its password changed meanwhile, this
   * vault's password is stale, so the vault locks. Returns whether that happened.
   */
  async #reloadAfterConflict(): Promise<boolean> {
    const verifierBefore = JSON.stringify(this.header?.verifier ?? null);
    try {
      await this.load();
    } catch (error) {
      this.#forgetPassword();
      throw error;
    }
    const rekeyed = JSON.stringify(this.header?.verifier ?? null) !== verifierBefore;
    if (rekeyed && this.cipher !== undefined) this.#forgetPassword();
    return rekeyed;
  }

  #forgetPassword(): void {
    this.cipher?.clear();
    this.cipher = undefined;
    this.#lockCount += 1;
    this.#generation += 1;
  }

  #checkNotLockedSince(lockCount: number): void {
    if (lockCount !== this.#lockCount) {
      throw new VaultError('locked', 'The vault was locked while the operation was waiting.');
    }
  }

  /** Records an event without waiting: written with the next write, or shortly after. */
  protected auditLater(event: AuditEvent): void {
    this.#pendingAudit.push(this.#stamp(event));
    this.#scheduleFlush();
  }

  /** Queues `changes` with `events` as one atomic write. */
  protected commit(changes: VaultChanges, events: readonly AuditEvent[]): Promise<void> {
    return this.queue.run(() => this.commitNow(changes, events));
  }

  /**
   * Writes `changes`, pending audit entries and `events` in one batch. Call inside the queue.
   * The write is a compare-and-swap on the audit head: if another vault on the same store wrote
   * since this one read it, the vault reloads. If the other writer only added audit entries,
   * the write is retried on the new head; otherwise it is refused: `storage` (the vault now
   * holds the other writer's state: retry), or `locked` when the password was changed elsewhere.
   */
  protected async commitNow(changes: VaultChanges, events: readonly AuditEvent[]): Promise<void> {
    const hasChanges =
      changes.header !== undefined ||
      (changes.putEntries?.length ?? 0) > 0 ||
      (changes.deleteEntryIds?.length ?? 0) > 0;
    const stampedEvents = events.map((event) => this.#stamp(event));
    for (let attempt = 1; ; attempt += 1) {
      const pending = this.#pendingAudit.splice(0);
      const stamped = [...pending, ...stampedEvents];
      if (!hasChanges && stamped.length === 0) return;
      try {
        await this.#writeBatch(changes, stamped);
        return;
      } catch (error) {
        this.#pendingAudit.unshift(...pending);
        if (!KeyStoreConflict.isInstance(error)) {
          throw VaultError.isInstance(error)
            ? error
            : new VaultError('storage', 'The vault could not be written.', { cause: error });
        }
        const before = this.#snapshot();
        const rekeyed = await this.#reloadAfterConflict();
        // Only audit entries were added meanwhile: the change was computed on the same state.
        const sameState = !rekeyed && this.#snapshot() === before;
        if ((hasChanges && !sameState) || attempt >= 3) {
          throw rekeyed
            ? new VaultError(
                'locked',
                'The vault was re-keyed by another writer: unlock it with its current password.',
              )
            : new VaultError(
                'storage',
                'The vault was changed by another writer: it was reloaded; retry the operation.',
              );
        }
      }
    }
  }

  async #writeBatch(changes: VaultChanges, stamped: readonly StampedEvent[]): Promise<void> {
    const chained = await chainAuditEvents(this.#auditHead, stamped);
    const put: Record<string, string> = { ...chained.records };
    if (changes.header !== undefined) put[HEADER_RECORD] = JSON.stringify(changes.header);
    for (const entry of changes.putEntries ?? []) {
      put[`${ENTRY_PREFIX}${entry.id}`] = JSON.stringify(entry);
    }
    const remove = (changes.deleteEntryIds ?? []).map((id) => `${ENTRY_PREFIX}${id}`);
    // Compare-and-swap: the head is still the one this vault read, and no audit record it adds
    // exists yet. Another vault (tab, process) on the same store that wrote since makes it fail.
    const expect: Record<string, string | null> = { [AUDIT_HEAD_RECORD]: this.#auditHeadText };
    for (const entry of chained.entries) expect[auditRecordName(entry.seq)] = null;
    await this.keyStore.write({ put, delete: remove, expect });
    this.#auditHeadText = put[AUDIT_HEAD_RECORD] ?? this.#auditHeadText;
    this.#auditHead = chained.head;
    if (changes.header !== undefined) this.header = changes.header;
    for (const entry of changes.putEntries ?? []) this.entries.set(entry.id, entry);
    for (const id of changes.deleteEntryIds ?? []) this.entries.delete(id);
  }

  #snapshot(): string {
    return stateSnapshot({ header: this.header, entries: this.entries, damaged: this.damaged });
  }

  /** Reads every record from the store into memory. Call inside the queue. */
  protected async load(): Promise<void> {
    const state = parseVaultState(await this.#readAll());
    this.header = state.header;
    this.entries = state.entries;
    this.damaged = state.damaged;
    this.#auditHead = state.auditHead;
    this.#auditHeadText = state.auditHeadText;
  }

  /** Current time as ISO 8601. */
  protected iso(): string {
    return new Date(this.now()).toISOString();
  }

  async #verifyPassword(
    cipher: PasswordCipher,
    header: VaultHeader,
    action: 'vault.unlock' | 'vault.change_password',
  ): Promise<void> {
    try {
      const text = await cipher.open(
        header.verifier,
        verifierAad(header.vaultId),
        'wrong_password',
      );
      if (text !== VERIFIER_TEXT) throw new VaultError('wrong_password', 'Wrong password.');
    } catch (error) {
      const reason = VaultError.isInstance(error) ? error.code : 'error';
      this.#pendingAudit.push(this.#stamp({ action, outcome: 'failure', reason }));
      this.#scheduleFlush();
      throw VaultError.hasCode(error, 'wrong_password')
        ? new VaultError('wrong_password', 'Wrong password: the vault could not be opened.')
        : error;
    }
  }

  #stamp(event: AuditEvent): StampedEvent {
    // Provider ids and labels come from callers unchecked on read paths: bound and redact them.
    return {
      ...event,
      ...(event.provider === undefined ? {} : { provider: redactName(event.provider) }),
      ...(event.label === undefined ? {} : { label: redactName(event.label) }),
      ...(event.operation === undefined ? {} : { operation: redactName(event.operation) }),
      time: this.iso(),
      actor: this.actor,
    };
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#pendingAudit.length === 0) return;
    this.#flushScheduled = true;
    this.queue
      .run(() => {
        this.#flushScheduled = false;
        return this.commitNow({}, []);
      })
      .catch(() => {
        // Entries stay pending and are written with the next write or flush.
      });
  }

  async #readAll(): Promise<Map<string, string>> {
    try {
      return await this.keyStore.readAll();
    } catch (error) {
      throw VaultError.isInstance(error)
        ? error
        : new VaultError('storage', 'The vault could not be read.', { cause: error });
    }
  }
}
