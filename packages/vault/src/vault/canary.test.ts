import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { toBase64, toHex, utf8Encode } from '../crypto/encoding.js';
import { SecurityManager } from '../session/security-manager.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { tamper } from '../testing/conformance-helpers.js';
import { KeyVault } from './key-vault.js';

const canaryKey = 'sk-ant-api03-CANARYkey-3f9d1c7b2a6e4d8f0b5a9c7e1d3f5b7a';
const canaryPassword = 'CANARY-password-c0ffee-Ω';
const canaryExportPassword = 'CANARY-export-password-beef';

function forms(secret: string): string[] {
  const bytes = utf8Encode(secret);
  return [
    secret,
    toBase64(bytes),
    toHex(bytes),
    encodeURIComponent(secret),
    JSON.stringify(secret),
  ];
}

const secretForms = [canaryKey, canaryPassword, canaryExportPassword, `${canaryPassword}-wrong`]
  .flatMap(forms)
  // Also catch a leak of the distinctive middle of the key (a partial reveal).
  .concat(['CANARYkey-3f9d1c7b2a6e4d8f', 'c0ffee']);

describe('planted canary: no key or password in output, errors or audit', () => {
  const captured: string[] = [];

  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        captured.push(args.map((arg) => inspect(arg, { depth: 8 })).join(' '));
      });
    }
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('runs every operation, including failures, without leaking the canaries', async () => {
    const errors: unknown[] = [];
    const outputs: unknown[] = [];
    const attempt = async (operation: () => Promise<unknown>, returnsKey = false) => {
      try {
        const output = await operation();
        // Reads return the key by design; everything else must not contain it.
        if (!returnsKey) outputs.push(output);
      } catch (error) {
        errors.push(error);
      }
    };
    let now = Date.UTC(2026, 0, 1);
    const store = new MemoryKeyStore();
    const vault = new KeyVault({ store, unsafeTestIterations: 1_000, now: () => now });
    const security = new SecurityManager(vault, { now: () => now });

    await attempt(() => vault.store('anthropic', canaryKey)); // locked
    await attempt(() => vault.unlock(canaryPassword));
    await attempt(() => vault.store('anthropic', canaryKey, { expiresAt: now + 60_000 }));
    await attempt(() => vault.store('anthropic', canaryKey, { encrypted: false }));
    await attempt(() => vault.store('', canaryKey));
    await attempt(() => vault.store('anthropic', `${canaryKey}${'x'.repeat(70_000)}`));
    await attempt(() => vault.store('anthropic', canaryKey, { expiresAt: 'not a date' }));
    await attempt(() => vault.retrieve('anthropic'), true);
    await attempt(() => vault.list());
    await attempt(() => vault.rotate('anthropic', `${canaryKey}-next`));
    await attempt(() => vault.rollback('anthropic'));
    await attempt(() => vault.rollback('anthropic'));
    await attempt(() => vault.removePreviousVersion('anthropic'));
    const encrypted = await vault.encrypt(canaryKey, canaryExportPassword);
    outputs.push(encrypted);
    await attempt(() => vault.decrypt(encrypted, `${canaryPassword}-wrong`));
    await attempt(() =>
      vault.decrypt(encrypted.replace('"data":"', '"data":"AAAA'), canaryExportPassword),
    );
    await attempt(() => vault.decrypt(canaryKey));
    const session = await security.createSecureSession();
    await attempt(() => security.requestKeyAccess('anthropic', session.token), true);
    await attempt(() => security.requestKeyAccess('anthropic', canaryKey));
    await attempt(() => security.logKeyUsage('anthropic', `chat with ${canaryKey}`));
    await attempt(() => security.revokeKeyAccess('anthropic'));
    const bundle = await vault.exportBundle(canaryExportPassword, {
      providerConfigs: [{ provider: 'anthropic', apiKey: canaryKey }],
    });
    outputs.push(bundle);
    await attempt(() => vault.importBundle(bundle, `${canaryPassword}-wrong`));
    const imported = await vault.importBundle(bundle, canaryExportPassword, { dryRun: true });
    outputs.push(imported.report);
    // The full configs are handed back for the caller to apply (and may hold the key).
    expect(imported.providerConfigs).toEqual([{ provider: 'anthropic', apiKey: canaryKey }]);
    await attempt(() => vault.importBundle('{"not":"a bundle"}', canaryExportPassword));
    await attempt(() => vault.changePassword(`${canaryPassword}-wrong`, canaryExportPassword));
    await attempt(() => vault.changePassword(canaryPassword, canaryPassword));
    now += 120_000;
    await attempt(() => vault.retrieve('anthropic'), true);
    await attempt(() => security.requestKeyAccess('anthropic', session.token), true);
    await vault.store('anthropic', canaryKey, { label: 'second' });
    await vault.lock();
    await attempt(() => vault.unlock(`${canaryPassword}-wrong`));
    await tamper(store, (records) => {
      for (const [name, text] of records) {
        if (name.startsWith('entry/')) records.set(name, text.replace('"data":"', '"data":"AAAA'));
      }
    });
    await attempt(() => vault.unlock(canaryPassword));
    await attempt(() => vault.retrieve('anthropic', { label: 'second' }), true);
    await attempt(() => vault.delete('anthropic'));
    outputs.push(await vault.getAuditLog(), await vault.verifyAuditLog());
    await vault.lock();

    expect(errors.length).toBeGreaterThan(15);
    const errorTexts = errors.flatMap((error) => [
      String(error),
      error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : '',
      JSON.stringify(error),
      inspect(error, { depth: 8 }),
      error instanceof Error && error.cause instanceof Error
        ? `${error.cause.message}\n${error.cause.stack ?? ''}`
        : '',
    ]);
    // The bundle and the encrypt() output are ciphertext; the rest are reports and lists.
    const outputTexts = outputs.map((output) =>
      typeof output === 'string' ? output : inspect(output, { depth: 8 }),
    );
    const haystacks = [...captured, ...errorTexts, ...outputTexts];
    const leaks = haystacks.flatMap((haystack, index) =>
      secretForms
        .map((form, formIndex) =>
          haystack.includes(form) ? `text ${index}, form ${formIndex}` : '',
        )
        .filter((leak) => leak !== ''),
    );
    expect(leaks).toEqual([]);
    const log = await vault.getAuditLog();
    expect(log.map((entry) => entry.action)).toContain('key.use');
    expect(log.find((entry) => entry.action === 'key.use')?.operation).toBe('chat with [REDACTED]');
  });
});
