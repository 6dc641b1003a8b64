import { describe, expect, it } from 'vitest';
import { VaultError } from '../errors/vault-error.js';
import { redact } from '../redact/redact.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from './key-vault.js';

function createVault(store = new MemoryKeyStore(), iterations = 1_000) {
  return new KeyVault({ store, unsafeTestIterations: iterations, actor: 'test' });
}

async function codeOf(operation: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await operation();
  } catch (error) {
    return VaultError.isInstance(error) ? error.code : 'not a VaultError';
  }
  return undefined;
}

describe('KeyVault', () => {
  it('creates the vault on first unlock and reports whether one exists', async () => {
    const store = new MemoryKeyStore();
    const vault = createVault(store);
    expect(await vault.isInitialized()).toBe(false);
    await vault.unlock('password-1');
    expect(await vault.isInitialized()).toBe(true);
    expect(vault.isUnlocked()).toBe(true);
  });

  it('gives every entry its own salt and stores the iteration count per entry', async () => {
    const store = new MemoryKeyStore();
    const vault = createVault(store);
    await vault.unlock('password-1');
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        vault.store(`p${index}`, `sk-key-${index}-000000000000`),
      ),
    );
    const records = [...(await store.readAll())].filter(([name]) => name.startsWith('entry/'));
    const salts = records.map(([, text]) => JSON.parse(text).current.secret.kdf.salt);
    expect(new Set(salts).size).toBe(8);
    // Concurrent stores all landed.
    expect((await vault.list()).map((info) => info.provider)).toEqual(
      Array.from({ length: 8 }, (_, index) => `p${index}`),
    );
    // Raising the work factor later: old entries still open, new ones use the new count.
    const stronger = createVault(store, 2_000);
    await stronger.unlock('password-1');
    expect(await stronger.retrieve('p3')).toBe('sk-key-3-000000000000');
    await stronger.store('p9', 'sk-key-9-000000000000');
    const newRecord = [...(await store.readAll())].find(
      ([name, text]) => name.startsWith('entry/') && text.includes('"p9"'),
    );
    expect(JSON.parse(newRecord?.[1] ?? '{}').current.secret.kdf.iterations).toBe(2_000);
  });

  it('binds provider, entry and vault into the AAD recorded in the envelope', async () => {
    const store = new MemoryKeyStore();
    const vault = createVault(store);
    await vault.unlock('password-1');
    const info = await vault.store('openai', 'sk-aad-test-0000000000000', { label: 'work' });
    const record = JSON.parse((await store.readAll()).get(`entry/${info.id}`) ?? '{}');
    const aad = JSON.parse(atob(record.current.secret.aad));
    const header = JSON.parse((await store.readAll()).get('vault') ?? '{}');
    expect(aad.slice(0, 7)).toEqual([
      'thinkbackcode-vault/v1',
      'entry',
      header.vaultId,
      info.id,
      'openai',
      'work',
      1,
    ]);
  });

  it('refuses to store in clear and checks its inputs', async () => {
    const vault = createVault();
    await vault.unlock('password-1');
    expect(await codeOf(() => vault.store('openai', 'sk-x', { encrypted: false }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(() => vault.store('', 'sk-x'))).toBe('invalid_input');
    expect(await codeOf(() => vault.store('openai', ''))).toBe('invalid_input');
    expect(await codeOf(() => vault.store('openai', 'sk-x', { label: 'a\nb' }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(() => vault.store('openai', 'sk-x', { expiresAt: 'soon' }))).toBe(
      'invalid_input',
    );
    expect(await codeOf(() => vault.unlock(''))).toBe('invalid_input');
    expect(await codeOf(() => vault.rotate('absent', 'sk-x'))).toBe('not_found');
    expect(await vault.delete('absent')).toBe(false);
  });

  it('deletes one label or every key of a provider', async () => {
    const vault = createVault();
    await vault.unlock('password-1');
    await vault.store('openai', 'sk-one-000000000000000000');
    await vault.store('openai', 'sk-two-000000000000000000', { label: 'second' });
    await vault.store('google', 'AIza-one-0000000000000000');
    expect(await vault.delete('openai', { label: 'second' })).toBe(true);
    expect((await vault.list()).map((info) => info.label)).toEqual(['default', 'default']);
    expect(await vault.delete('openai')).toBe(true);
    expect((await vault.list()).map((info) => info.provider)).toEqual(['google']);
  });

  it('keeps metadata and shows it in list, never the key', async () => {
    const vault = createVault();
    await vault.unlock('password-1');
    await vault.store('openai', 'sk-meta-00000000000000000', { metadata: { team: 'core', n: 2 } });
    const [info] = await vault.list();
    expect(info).toMatchObject({
      provider: 'openai',
      label: 'default',
      isDefault: true,
      version: 1,
      expired: false,
      metadata: { team: 'core', n: 2 },
    });
    expect(JSON.stringify(info)).not.toContain('sk-meta');
  });

  it('encrypts and decrypts arbitrary text with the vault password or another one', async () => {
    const vault = createVault();
    await vault.unlock('password-1');
    const withVault = await vault.encrypt('hello');
    expect(await vault.decrypt(withVault)).toBe('hello');
    const withOther = await vault.encrypt('hello', 'other-password');
    expect(await vault.decrypt(withOther, 'other-password')).toBe('hello');
    expect(await codeOf(() => vault.decrypt(withOther))).toBe('wrong_password');
    expect(await codeOf(() => vault.decrypt(withOther, 'nope'))).toBe('wrong_password');
    expect(await codeOf(() => vault.decrypt('{}'))).toBe('integrity');
  });

  it('reports a storage failure as storage and keeps its state consistent', async () => {
    const store = new MemoryKeyStore();
    await createVault(store).unlock('password-1');
    const broken = new KeyVault({
      store: {
        readAll: () => store.readAll(),
        write: async () => {
          throw new Error('disk full');
        },
      },
      unsafeTestIterations: 1_000,
    });
    expect(await codeOf(() => broken.unlock('password-1'))).toBe(undefined);
    expect(await codeOf(() => broken.store('openai', 'sk-never-stored-000000000'))).toBe('storage');
    expect(await broken.retrieve('openai')).toBeNull();
  });

  it('writes who, what, when and the outcome to the audit log, never key material', async () => {
    const vault = createVault();
    await vault.unlock('password-1');
    await vault.store('openai', 'sk-audit-0000000000000000');
    await vault.retrieve('openai');
    await vault.retrieve('missing');
    await vault.lock();
    await codeOf(() => vault.unlock('wrong'));
    const log = await vault.getAuditLog();
    expect(
      log.map(({ action, outcome, reason, actor }) => [action, outcome, reason, actor]),
    ).toEqual([
      ['vault.create', 'success', undefined, 'test'],
      ['key.store', 'success', undefined, 'test'],
      ['key.retrieve', 'success', undefined, 'test'],
      ['key.retrieve', 'failure', 'not_found', 'test'],
      ['vault.lock', 'success', undefined, 'test'],
      ['vault.unlock', 'failure', 'wrong_password', 'test'],
    ]);
    expect(log.map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(JSON.stringify(log)).not.toContain('sk-audit');
    expect(await vault.verifyAuditLog()).toEqual({ valid: true, entries: 6 });
  });
});

describe('KeyVault and redact()', () => {
  it('lets redact() mask the keys it handles, even after it is locked', async () => {
    const store = new MemoryKeyStore();
    const vault = createVault(store);
    await vault.unlock('password-1');
    const shapeless = 'local-endpoint-secret-7731';
    await vault.store('custom', shapeless);
    expect(redact(`calling with ${shapeless}`)).toBe('calling with [REDACTED]');
    // A second vault handles the same key; locking the first must not unmask it for the second.
    const other = createVault(store);
    await other.unlock('password-1');
    expect(await other.retrieve('custom')).toBe(shapeless);
    await vault.lock();
    expect(redact(`calling with ${shapeless}`)).toBe('calling with [REDACTED]');
    await other.lock();
    expect(redact(`calling with ${shapeless}`)).toBe('calling with [REDACTED]');
  });
});
