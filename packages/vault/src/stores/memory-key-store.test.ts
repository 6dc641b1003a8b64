import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONFORMANCE_SCENARIOS,
  type ConformanceResult,
  runVaultConformance,
} from '../testing/vault-conformance.js';
import { KeyStoreConflict } from './key-store.js';
import { MemoryKeyStore } from './memory-key-store.js';

describe('KeyVault over MemoryKeyStore', () => {
  let results: ConformanceResult[] = [];
  beforeAll(async () => {
    results = await runVaultConformance({
      createStore: () => new MemoryKeyStore(),
      vaultOptions: { unsafeTestIterations: 1_000 },
    });
  });

  it.each(CONFORMANCE_SCENARIOS)('%s', (name) => {
    expect(results.find((result) => result.name === name)).toEqual({ name, passed: true });
  });

  it('copies records in and out', async () => {
    const store = new MemoryKeyStore([['a', '1']]);
    const records = await store.readAll();
    records.set('a', 'changed');
    expect(await store.readAll()).toEqual(new Map([['a', '1']]));
    await store.write({ put: { b: '2' }, delete: ['a'] });
    expect(await store.readAll()).toEqual(new Map([['b', '2']]));
  });

  it('writes nothing when an expected record differs (compare-and-swap)', async () => {
    const initial: [string, string][] = [
      ['head', '1'],
      ['audit/1', 'a'],
    ];
    const store = new MemoryKeyStore(initial);
    const refused = await store
      .write({ put: { head: '2', 'audit/2': 'x' }, expect: { head: '0', 'audit/2': null } })
      .catch((error: unknown) => error);
    expect(KeyStoreConflict.isInstance(refused)).toBe(true);
    await expect(
      store.write({ put: { head: '2', 'audit/1': 'x' }, expect: { head: '1', 'audit/1': null } }),
    ).rejects.toSatisfy(KeyStoreConflict.isInstance);
    expect(await store.readAll()).toEqual(new Map(initial));
    await store.write({ put: { head: '2' }, expect: { head: '1', 'audit/2': null } });
    expect((await store.readAll()).get('head')).toBe('2');
  });
});
