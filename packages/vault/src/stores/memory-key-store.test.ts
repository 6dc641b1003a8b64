import { beforeAll, describe, expect, it } from 'vitest';
import {
  CONFORMANCE_SCENARIOS,
  type ConformanceResult,
  runVaultConformance,
} from '../testing/vault-conformance.js';
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
});
