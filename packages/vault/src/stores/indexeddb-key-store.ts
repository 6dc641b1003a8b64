import { VaultError } from '../errors/vault-error.js';
import { type KeyStore, type KeyStoreBatch, KeyStoreConflict } from './key-store.js';

/** Options of `IndexedDBKeyStore`. */
export interface IndexedDBKeyStoreOptions {
  /** Database name (default `thinkbackcode-vault`). One database holds one vault. */
  databaseName?: string;
  /** The `IDBFactory` to use (default `globalThis.indexedDB`). */
  indexedDB?: IDBFactory;
}

const objectStoreName = 'records';
const databaseVersion = 1;

function storageError(action: string, cause: unknown): VaultError {
  return new VaultError('storage', `IndexedDB could not ${action}.`, { cause });
}

/**
 * A `KeyStore` in the browser's IndexedDB. Each `write` is one `readwrite` transaction with
 * strict durability, so a batch lands entirely or not at all. Records hold only ciphertext
 * and non-secret metadata (ASVS 5.0 V14.3.3: no plain secrets in browser storage).
 */
export class IndexedDBKeyStore implements KeyStore {
  readonly #databaseName: string;
  readonly #factory: IDBFactory | undefined;
  #database: Promise<IDBDatabase> | undefined;

  constructor(options: IndexedDBKeyStoreOptions = {}) {
    this.#databaseName = options.databaseName ?? 'thinkbackcode-vault';
    this.#factory = options.indexedDB ?? globalThis.indexedDB;
  }

  async readAll(): Promise<Map<string, string>> {
    const database = await this.#open();
    return new Promise((resolve, reject) => {
      const records = new Map<string, string>();
      let transaction: IDBTransaction;
      try {
        transaction = database.transaction(objectStoreName, 'readonly');
      } catch (error) {
        reject(storageError('start a read', error));
        return;
      }
      const request = transaction.objectStore(objectStoreName).openCursor();
      request.onsuccess = () => {
        const cursor = request.result;
        if (cursor === null) return;
        if (typeof cursor.key === 'string' && typeof cursor.value === 'string') {
          records.set(cursor.key, cursor.value);
        }
        cursor.continue();
      };
      transaction.oncomplete = () => resolve(records);
      transaction.onerror = () => reject(storageError('read the vault', transaction.error));
      transaction.onabort = () => reject(storageError('read the vault', transaction.error));
    });
  }

  async write(batch: KeyStoreBatch): Promise<void> {
    const database = await this.#open();
    await new Promise<void>((resolve, reject) => {
      let transaction: IDBTransaction;
      try {
        transaction = database.transaction(objectStoreName, 'readwrite', { durability: 'strict' });
      } catch (error) {
        reject(storageError('start a write', error));
        return;
      }
      const objectStore = transaction.objectStore(objectStoreName);
      let conflict: KeyStoreConflict | undefined;
      // Preconditions are read in the same transaction; a mismatch aborts it, undoing the puts.
      for (const [name, expected] of Object.entries(batch.expect ?? {})) {
        const request = objectStore.get(name);
        request.onsuccess = () => {
          const found: unknown = request.result;
          if ((typeof found === 'string' ? found : null) !== expected && conflict === undefined) {
            conflict = new KeyStoreConflict(name);
            transaction.abort();
          }
        };
      }
      for (const name of batch.delete ?? []) objectStore.delete(name);
      for (const [name, value] of Object.entries(batch.put ?? {})) objectStore.put(value, name);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () =>
        reject(conflict ?? storageError('write the vault', transaction.error));
      transaction.onabort = () =>
        reject(conflict ?? storageError('write the vault', transaction.error));
    });
  }

  async close(): Promise<void> {
    const database = this.#database;
    this.#database = undefined;
    if (database !== undefined) (await database.catch(() => undefined))?.close();
  }

  /** Deletes the whole database (all records of this vault). */
  async destroy(): Promise<void> {
    await this.close();
    const factory = this.#requireFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.deleteDatabase(this.#databaseName);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(storageError('delete the database', request.error));
    });
  }

  #requireFactory(): IDBFactory {
    if (this.#factory === undefined) {
      throw new VaultError('storage', 'IndexedDB is not available in this environment.');
    }
    return this.#factory;
  }

  #open(): Promise<IDBDatabase> {
    if (this.#database === undefined) {
      const factory = this.#requireFactory();
      this.#database = new Promise((resolve, reject) => {
        const request = factory.open(this.#databaseName, databaseVersion);
        request.onupgradeneeded = () => {
          if (!request.result.objectStoreNames.contains(objectStoreName)) {
            request.result.createObjectStore(objectStoreName);
          }
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(storageError('open the database', request.error));
        request.onblocked = () => reject(storageError('open the database (blocked)', undefined));
      });
      this.#database.catch(() => {
        this.#database = undefined;
      });
    }
    return this.#database;
  }
}
