import { describe, expect, it } from 'vitest';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import { readAppendHead } from './audit-chain.js';
import { AUDIT_HEAD_RECORD, auditRecordName, GENESIS_HASH } from './audit-entry.js';

function createVault(store: MemoryKeyStore) {
  return new KeyVault({ store, unsafeTestIterations: 1_000, actor: 'test' });
}

async function auditRecords(store: MemoryKeyStore): Promise<Map<string, string>> {
  const records = await store.readAll();
  return new Map([...records].filter(([name]) => name.startsWith('audit/')));
}

describe('appending to the audit log', () => {
  for (const [damage, headText] of [
    ['missing', undefined],
    ['unreadable', '{not json'],
    ['stale', JSON.stringify({ seq: 1, hash: GENESIS_HASH })],
  ] as const) {
    it(`never overwrites an existing entry when the head is ${damage}`, async () => {
      const store = new MemoryKeyStore();
      const first = createVault(store);
      await first.unlock('password-1');
      await first.store('openai', 'sk-first-key-0000000000000');
      await first.lock();
      const before = await auditRecords(store);
      await store.write(
        headText === undefined
          ? { delete: [AUDIT_HEAD_RECORD] }
          : { put: { [AUDIT_HEAD_RECORD]: headText } },
      );
      const second = createVault(store);
      await second.unlock('password-1');
      await second.flush();
      const after = await auditRecords(store);
      for (const [name, text] of before) expect(after.get(name)).toBe(text);
      expect(after.size).toBe(before.size + 1);
      const appended = JSON.parse(after.get(auditRecordName(before.size + 1)) ?? '{}');
      expect(appended).toMatchObject({ seq: before.size + 1, action: 'vault.unlock' });
      // The links survive: appending after the real last entry heals the chain.
      expect(await second.verifyAuditLog()).toEqual({ valid: true, entries: before.size + 1 });
    });
  }

  it('continues after the highest stored entry, even an unreadable one', () => {
    const records = new Map([
      [auditRecordName(1), '{}'],
      [auditRecordName(7), 'garbage'],
      [AUDIT_HEAD_RECORD, JSON.stringify({ seq: 2, hash: 'a'.repeat(64) })],
    ]);
    expect(readAppendHead(records).seq).toBe(7);
    expect(readAppendHead(new Map()).seq).toBe(0);
  });
});
