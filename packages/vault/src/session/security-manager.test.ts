import { beforeEach, describe, expect, it } from 'vitest';
import { VaultError } from '../errors/vault-error.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import { SecurityManager } from './security-manager.js';

const key = 'sk-session-test-0123456789abcdef';

describe('SecurityManager', () => {
  let now: number;
  let vault: KeyVault;
  let security: SecurityManager;

  beforeEach(async () => {
    now = Date.UTC(2026, 0, 1);
    vault = new KeyVault({
      store: new MemoryKeyStore(),
      unsafeTestIterations: 1_000,
      now: () => now,
      actor: 'cli',
    });
    security = new SecurityManager(vault, {
      sessionTtlMs: 60_000,
      idleTimeoutMs: 10_000,
      now: () => now,
    });
  });

  it('refuses a session while the vault is locked', async () => {
    await expect(security.createSecureSession()).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'locked'),
    );
  });

  it('issues 256-bit random tokens with an absolute TTL and an idle timeout', async () => {
    await vault.unlock('password-1');
    const session = await security.createSecureSession();
    const other = await security.createSecureSession();
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.token).not.toBe(other.token);
    expect(session.id).not.toBe(session.token);
    expect(session.expiresAt - session.createdAt).toBe(60_000);
    expect(security.validateSession(session.token)).toBe(true);

    now += 9_000;
    expect(security.validateSession(session.token)).toBe(true);
    now += 9_000; // 9 s since last use: still within the idle limit
    expect(security.validateSession(session.token)).toBe(true);
    now += 10_000; // idle for 10 s
    expect(security.validateSession(session.token)).toBe(false);
    expect(security.validateSession(session.token)).toBe(false);

    const fresh = await security.createSecureSession();
    for (let elapsed = 0; elapsed < 60_000; elapsed += 5_000) {
      expect(security.validateSession(fresh.token)).toBe(true);
      now += 5_000;
    }
    expect(security.validateSession(fresh.token)).toBe(false);
    expect(security.validateSession('made-up')).toBe(false);
  });

  it('ends every session when the vault locks', async () => {
    await vault.unlock('password-1');
    const session = await security.createSecureSession();
    await vault.lock();
    await vault.unlock('password-1');
    expect(security.validateSession(session.token)).toBe(false);
  });

  it('returns keys only within a valid session and records each access', async () => {
    await vault.unlock('password-1');
    await vault.store('openai', key);
    const session = await security.createSecureSession();
    expect(await security.requestKeyAccess('openai', session.token)).toBe(key);
    await expect(security.requestKeyAccess('openai', 'forged-token')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'invalid_session'),
    );
    await expect(security.requestKeyAccess('google', session.token)).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'not_found'),
    );
    security.endSession(session.token);
    await expect(security.requestKeyAccess('openai', session.token)).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'invalid_session'),
    );
    const accesses = (await security.getAuditLog()).filter(
      (entry) => entry.action === 'key.access',
    );
    expect(
      accesses.map(({ outcome, provider, reason, sessionId, actor }) => ({
        outcome,
        provider,
        reason,
        sessionId,
        actor,
      })),
    ).toEqual([
      {
        outcome: 'success',
        provider: 'openai',
        reason: undefined,
        sessionId: session.id,
        actor: 'cli',
      },
      {
        outcome: 'denied',
        provider: 'openai',
        reason: 'invalid_session',
        sessionId: undefined,
        actor: 'cli',
      },
      {
        outcome: 'failure',
        provider: 'google',
        reason: 'not_found',
        sessionId: session.id,
        actor: 'cli',
      },
      {
        outcome: 'denied',
        provider: 'openai',
        reason: 'invalid_session',
        sessionId: undefined,
        actor: 'cli',
      },
    ]);
    expect(JSON.stringify(await security.getAuditLog())).not.toContain(session.token);
  });

  it('reports an expired key as expired', async () => {
    await vault.unlock('password-1');
    await vault.store('openai', key, { expiresAt: now + 1_000 });
    const session = await security.createSecureSession();
    now += 2_000;
    await expect(security.requestKeyAccess('openai', session.token)).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'expired'),
    );
  });

  it('drops cached key material on revokeKeyAccess and derives it again on the next access', async () => {
    await vault.unlock('password-1');
    await vault.store('openai', key);
    await vault.store('anthropic', 'sk-ant-session-test-0123456789');
    const session = await security.createSecureSession();
    await security.requestKeyAccess('openai', session.token);
    const before = vault.derivedKeyCount;
    await security.revokeKeyAccess('openai');
    expect(vault.derivedKeyCount).toBe(before - 1);
    expect(await security.requestKeyAccess('openai', session.token)).toBe(key);
    expect(vault.derivedKeyCount).toBe(before);
    expect((await security.getAuditLog()).some((entry) => entry.action === 'key.revoke')).toBe(
      true,
    );
  });

  it('logs key usage with the operation redacted, in a verifiable chain', async () => {
    await vault.unlock('password-1');
    await security.logKeyUsage('openai', `chat.completions with ${key}`);
    const last = (await security.getAuditLog()).at(-1);
    expect(last).toMatchObject({
      action: 'key.use',
      provider: 'openai',
      operation: 'chat.completions with [REDACTED]',
      actor: 'cli',
      outcome: 'success',
      time: '2026-01-01T00:00:00.000Z',
    });
    // vault.create, key.use
    expect(await security.verifyAuditLog()).toEqual({ valid: true, entries: 2 });
  });
});
