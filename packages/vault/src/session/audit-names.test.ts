import { describe, expect, it } from 'vitest';
import { VaultError } from '../errors/vault-error.js';
import { registerSecret } from '../redact/redact.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import { SecurityManager } from './security-manager.js';

describe('provider ids and labels in the audit log', () => {
  it('bounds and redacts what callers pass as provider or label', async () => {
    const store = new MemoryKeyStore();
    const vault = new KeyVault({ store, unsafeTestIterations: 1_000, actor: 'test' });
    await vault.unlock('password-1');
    const manager = new SecurityManager(vault);
    const huge = 'x'.repeat(1_000_000);
    const shapedKey = 'sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789';
    registerSecret('custom-registered-secret-42');
    await manager.requestKeyAccess(huge, 'not-a-token').catch(() => {});
    await manager.logKeyUsage(shapedKey, 'chat');
    await manager.logKeyUsage('custom-registered-secret-42', 'chat');
    await vault.retrieve(shapedKey, { label: `line\nbreak-${huge}` });
    const error = await vault.retrieveOrThrow(huge).catch((caught: unknown) => caught);
    expect(VaultError.isInstance(error) && (error.provider?.length ?? 0) <= 200).toBe(true);
    await vault.flush();
    const records = [...(await store.readAll())].filter(([name]) => name.startsWith('audit/'));
    for (const [, text] of records) {
      expect(text.length).toBeLessThan(2_000);
      expect(text).not.toContain(shapedKey);
      expect(text).not.toContain('custom-registered-secret-42');
      expect(text).not.toContain('line\\n');
    }
    const log = await vault.getAuditLog();
    expect(log.find((entry) => entry.action === 'key.access')?.provider).toHaveLength(200);
    expect(
      log.filter((entry) => entry.action === 'key.use').map((entry) => entry.provider),
    ).toEqual(['[REDACTED]', '[REDACTED]']);
    expect(await vault.verifyAuditLog()).toMatchObject({ valid: true });
  });
});
