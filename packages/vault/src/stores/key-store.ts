/** A set of changes applied together by `KeyStore.write`. */
export interface KeyStoreBatch {
  /** Records to create or replace, by name. Values are JSON text. */
  put?: Readonly<Record<string, string>>;
  /** Names of records to remove (absent names are ignored). */
  delete?: readonly string[];
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
   * Applies all puts and deletes atomically and durably: once the promise resolves the change
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
