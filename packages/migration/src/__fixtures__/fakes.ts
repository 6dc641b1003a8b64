import type { ConfigStorage, MigrationKeyVault } from '../storage.js';
import { createMemoryConfigStorage } from '../storage.js';

/** Reads a fixture file's text (tests run under Node). */
export { readFileSync } from 'node:fs';
export const fixturePath = (name: string): URL => new URL(`./${name}`, import.meta.url);

/** An in-memory vault with the `KeyVault` method shapes, counting writes and failing on demand. */
export class FakeVault implements MigrationKeyVault {
  readonly keys = new Map<string, string>();
  writes = 0;
  /** Fail the store of this id (with a message that quotes the key, as a careless store might). */
  failStoreOf: string | undefined;
  failDelete = false;

  async store(provider: string, key: string): Promise<unknown> {
    if (provider === this.failStoreOf) throw new Error(`cannot store ${key} for ${provider}`);
    this.writes += 1;
    this.keys.set(provider, key);
    return { provider };
  }

  async retrieve(provider: string): Promise<string | null> {
    return this.keys.get(provider) ?? null;
  }

  async delete(provider: string): Promise<unknown> {
    if (this.failDelete) throw new Error('delete refused');
    this.writes += 1;
    return this.keys.delete(provider);
  }
}

/** A memory config storage that counts writes and can fail the save of one id. */
export function createCountingStorage(): ConfigStorage & {
  writes: number;
  failSaveOf: string | undefined;
} {
  const inner = createMemoryConfigStorage();
  const storage = {
    writes: 0,
    failSaveOf: undefined as string | undefined,
    saveProviderConfig: async (id: string, config: Parameters<ConfigStorage['saveProviderConfig']>[1]) => {
      if (id === storage.failSaveOf) throw new Error(`disk full while saving ${id}`);
      storage.writes += 1;
      await inner.saveProviderConfig(id, config);
    },
    loadProviderConfig: (id: string) => inner.loadProviderConfig(id),
    deleteProviderConfig: async (id: string) => {
      storage.writes += 1;
      return inner.deleteProviderConfig(id);
    },
    listProviderConfigs: () => inner.listProviderConfigs(),
    saveModelPreferences: async (value: Parameters<NonNullable<ConfigStorage['saveModelPreferences']>>[0]) => {
      storage.writes += 1;
      await inner.saveModelPreferences?.(value);
    },
    loadModelPreferences: () => inner.loadModelPreferences?.(),
  };
  return storage;
}
