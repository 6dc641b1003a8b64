import { describe, expect, it } from 'vitest';
import { resolveKdfPolicy } from '../crypto/key-derivation.js';
import { encryptWithPassword } from '../crypto/password-cipher.js';
import { VaultError } from '../errors/vault-error.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import { BUNDLE_AAD } from './config-bundle.js';

const TIME = '2026-01-02T03:04:05.000Z';
const policy = resolveKdfPolicy({ unsafeTestIterations: 1_000 });

async function bundleOf(payload: unknown): Promise<string> {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
  return JSON.stringify(await encryptWithPassword(text, 'export-password', policy, BUNDLE_AAD));
}

function entry(overrides: Record<string, unknown> = {}, current: Record<string, unknown> = {}) {
  return {
    provider: 'groq',
    label: 'default',
    isDefault: true,
    createdAt: TIME,
    current: { version: 2, createdAt: TIME, key: 'gsk_imported_key_0000000000', ...current },
    ...overrides,
  };
}

function payload(entries: unknown[], providerConfigs: unknown[] = []) {
  return { format: 'thinkbackcode-bundle', v: 1, exportedAt: TIME, entries, providerConfigs };
}

async function openVault() {
  const store = new MemoryKeyStore();
  const vault = new KeyVault({ store, unsafeTestIterations: 1_000, actor: 'test' });
  await vault.unlock('password-1');
  await vault.store('openai', 'sk-existing-key-000000000000');
  return { store, vault };
}

async function importCode(bundle: string): Promise<string | undefined> {
  const { store, vault } = await openVault();
  const before = [...(await store.readAll())].filter(([name]) => name.startsWith('entry/'));
  try {
    await vault.importBundle(bundle, 'export-password');
  } catch (error) {
    const after = [...(await store.readAll())].filter(([name]) => name.startsWith('entry/'));
    expect(after).toEqual(before);
    return VaultError.isInstance(error) ? error.code : 'not a VaultError';
  }
  return undefined;
}

describe('importBundle checks the decrypted content', () => {
  const previous = { version: 1, createdAt: TIME, key: 'gsk_previous_key_000000000' };
  const cases: [string, unknown][] = [
    ['an empty previous key', entry({ previous: { ...previous, key: '' } })],
    ['a fractional version', entry({}, { version: 2.5 })],
    ['a negative version', entry({}, { version: -5 })],
    ['an unsafe version', entry({}, { version: 1e308 })],
    [
      'a previous version not below the current one',
      entry({ previous: { ...previous, version: 2 } }),
    ],
    ['an invalid expiry', entry({}, { expiresAt: 'not-a-date' })],
    ['an invalid creation date', entry({ createdAt: 'whenever' })],
    ['an invalid rotation date', entry({ rotatedAt: 12 })],
    ['a provider with a control character', entry({ provider: 'gr\noq' })],
    ['metadata that is not an object', entry({ metadata: 'text' })],
  ];
  for (const [name, bad] of cases) {
    it(`refuses ${name} as integrity and writes nothing`, async () => {
      expect(await importCode(await bundleOf(payload([bad])))).toBe('integrity');
    });
  }

  it('refuses more than 1,000 entries', async () => {
    const entries = Array.from({ length: 1_001 }, (_, index) => entry({ label: `l${index}` }));
    expect(await importCode(await bundleOf(payload(entries)))).toBe('integrity');
  });

  it('accepts a well-formed entry', async () => {
    expect(await importCode(await bundleOf(payload([entry({ previous })])))).toBeUndefined();
  });

  it('strips __proto__, constructor and prototype keys from configs and metadata', async () => {
    const { vault } = await openVault();
    const text = `{"format":"thinkbackcode-bundle","v":1,"exportedAt":"${TIME}","entries":[${JSON.stringify(
      entry(),
    ).replace(
      /}$/,
      ',"metadata":{"team":"core","__proto__":{"polluted":1},"nested":{"constructor":{"prototype":{"x":1}}}}}',
    )}],"providerConfigs":[{"provider":"x","__proto__":{"isAdmin":true},"prototype":1}]}`;
    const { providerConfigs } = await vault.importBundle(await bundleOf(text), 'export-password');
    const config = providerConfigs[0] ?? {};
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(Object.keys(config)).toEqual(['provider']);
    expect(Object.assign({}, config)).toEqual({ provider: 'x' });
    const info = (await vault.list()).find((item) => item.provider === 'groq');
    expect(info?.metadata).toEqual({ team: 'core', nested: {} });
    expect(Object.assign({}, info?.metadata)).not.toHaveProperty('polluted');
  });
});
