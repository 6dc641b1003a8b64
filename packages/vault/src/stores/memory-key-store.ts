import { applyBatch, checkExpectations, type KeyStore, type KeyStoreBatch } from './key-store.js';

/**
 * A `KeyStore` in process memory: for tests, short-lived tools and as a reference
 * implementation. Records are copied in and out so callers cannot alias its state.
 */
export class MemoryKeyStore implements KeyStore {
  readonly #records = new Map<string, string>();

  /** Starts with a copy of `initialRecords`, if given. */
  constructor(initialRecords?: Iterable<readonly [string, string]>) {
    for (const [name, value] of initialRecords ?? []) this.#records.set(name, value);
  }

  async readAll(): Promise<Map<string, string>> {
    return new Map(this.#records);
  }

  async write(batch: KeyStoreBatch): Promise<void> {
    checkExpectations(this.#records, batch);
    applyBatch(this.#records, batch);
  }
}
