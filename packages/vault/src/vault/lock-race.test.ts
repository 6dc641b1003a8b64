import { describe, expect, it } from 'vitest';
import { VaultError } from '../errors/vault-error.js';
import { SecurityManager } from '../session/security-manager.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from './key-vault.js';

const KEY = 'sk-race-key-000000000000000';

/** A memory store whose next `readAll` waits until released. */
class GatedStore extends MemoryKeyStore {
  #gate: { reached: () => void; opened: Promise<void> } | undefined;

  /** Holds the next read; resolves `reached` when it starts, `release` lets it finish. */
  holdNextRead(): { reached: Promise<void>; release: () => void } {
    let release = () => {};
    let reached = () => {};
    const opened = new Promise<void>((resolve) => {
      release = resolve;
    });
    const reachedPromise = new Promise<void>((resolve) => {
      reached = resolve;
    });
    this.#gate = { reached, opened };
    return { reached: reachedPromise, release };
  }

  override async readAll(): Promise<Map<string, string>> {
    const gate = this.#gate;
    this.#gate = undefined;
    if (gate !== undefined) {
      gate.reached();
      await gate.opened;
    }
    return super.readAll();
  }
}

async function codeOf(operation: Promise<unknown>): Promise<string | undefined> {
  try {
    await operation;
  } catch (error) {
    return VaultError.isInstance(error) ? error.code : 'not a VaultError';
  }
  return undefined;
}

async function openVault() {
  const store = new GatedStore();
  const vault = new KeyVault({ store, unsafeTestIterations: 1_000, actor: 'test' });
  await vault.unlock('password-1');
  await vault.store('openai', KEY);
  return { store, vault };
}

describe('lock() racing other operations', () => {
  it('wins over an unlock() that was still in flight', async () => {
    const { store, vault } = await openVault();
    await vault.lock();
    const gate = store.holdNextRead();
    const unlocking = codeOf(vault.unlock('password-1'));
    await gate.reached;
    const locking = vault.lock();
    gate.release();
    await locking;
    expect(await unlocking).toBe('locked');
    expect(vault.isUnlocked()).toBe(false);
    expect(await codeOf(vault.retrieve('openai'))).toBe('locked');
  });

  it('wins over a changePassword() in flight, which then changes nothing', async () => {
    const { store, vault } = await openVault();
    const gate = store.holdNextRead();
    const changing = codeOf(vault.changePassword('password-1', 'password-2'));
    await gate.reached;
    const locking = vault.lock();
    gate.release();
    await locking;
    expect(await changing).toBe('locked');
    expect(vault.isUnlocked()).toBe(false);
    await vault.unlock('password-1');
    expect(await vault.retrieve('openai')).toBe(KEY);
  });

  it('makes an in-flight first read fail as locked instead of returning the key', async () => {
    const { vault } = await openVault();
    vault.forgetCachedKeys('openai');
    const reading = vault.retrieve('openai');
    const locking = vault.lock();
    expect(await codeOf(reading)).toBe('locked');
    await locking;
    const log = await vault.getAuditLog();
    expect(log.filter((entry) => entry.action === 'key.retrieve')).toMatchObject([
      { outcome: 'denied', reason: 'locked' },
    ]);
  });

  it('makes an in-flight requestKeyAccess fail as locked', async () => {
    const { vault } = await openVault();
    const manager = new SecurityManager(vault);
    const session = await manager.createSecureSession();
    vault.forgetCachedKeys('openai');
    const access = manager.requestKeyAccess('openai', session.token);
    const locking = vault.lock();
    expect(await codeOf(access)).toBe('locked');
    await locking;
  });

  it('withholds a bundle whose export was in flight', async () => {
    const { vault } = await openVault();
    vault.forgetCachedKeys('openai');
    const exporting = vault.exportBundle('export-password');
    const locking = vault.lock();
    expect(await codeOf(exporting)).toBe('locked');
    await locking;
  });

  it('fails an in-flight decrypt with the vault password', async () => {
    const { vault } = await openVault();
    const envelope = await vault.encrypt('private text');
    const decrypting = vault.decrypt(envelope);
    const locking = vault.lock();
    expect(await codeOf(decrypting)).toBe('locked');
    await locking;
  });
});
