/** A set of changes applied together by `KeyStore.write`. */
export interface KeyStoreBatch {
  /** Records to create or replace, by name. Values are JSON text. */
  put?: Readonly<Record<string, string>>;
  /** Names of records to remove (absent names are ignored). */
  delete?: readonly string[];
  /**
   * Preconditions checked atomically with the write (compare-and-swap): each named record must
   * hold exactly this text, or be absent for `null`. Otherwise nothing is written and `write`
   * rejects with a `KeyStoreConflict`. The vault uses it on `audit-head` and on the audit
   * records it adds, so two vaults over one store cannot overwrite each other's changes.
   */
  expect?: Readonly<Record<string, string | null>>;
}

const conflictMarker = Symbol.for('thinkbackcode.key-store-conflict');

/** Another writer changed the store since it was read: nothing was written. */
export class KeyStoreConflict extends Error {
  readonly [conflictMarker] = true;

  constructor(name: string) {
    super(`The record ${JSON.stringify(name.slice(0, 40))} was changed by another writer.`);
    this.name = 'KeyStoreConflict';
  }

  /** True for a `KeyStoreConflict` from any copy of this package. */
  static isInstance(value: unknown): value is KeyStoreConflict {
    return typeof value === 'object' && value !== null && conflictMarker in value;
  }
}

/** Throws `KeyStoreConflict` unless `records` meets the batch's `expect` preconditions. */
export function checkExpectations(
  records: ReadonlyMap<string, string>,
  batch: KeyStoreBatch,
): void {
  for (const [name, expected] of Object.entries(batch.expect ?? {})) {
    if ((records.get(name) ?? null) !== expected) throw new KeyStoreConflict(name);
  }
}

/**
 * Where a vault keeps its records: a flat map of names to JSON strings. Everything sensitive in
 * a record is already encrypted, so a store only has to be durable and atomic, not secret.
 *
 * Implementations: `MemoryKeyStore`, `IndexedDBKeyStore` (browsers) and `FileKeyStore`
 * (`@thinkbackcode/vault/node`). Run `runVaultConformance` from `@thinkbackcode/vault/testing`
 * against a new one.
 */
export interface KeyStore {
  /** Every record, read fresh from the backing storage. */
  readAll(): Promise<Map<string, string>>;
  /**
   * Checks `batch.expect` and applies all puts and deletes, atomically and durably: once the promise resolves the change
   * survives a crash, and a crash at any moment leaves either all of it or none of it.
   */
  write(batch: KeyStoreBatch): Promise<void>;
  /** Releases handles (database connections); the store is unusable afterwards. */
  close?(): Promise<void>;
}

/** Applies a batch to a map in place (shared by stores that keep records in memory). */
export function applyBatch(records: Map<string, string>, batch: KeyStoreBatch): void {
  for (const name of batch.delete ?? []) records.delete(name);
  for (const [name, value] of Object.entries(batch.put ?? {})) records.set(name, value);
}
