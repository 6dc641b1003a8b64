import { describe, expect, it } from 'vitest';
import { VaultError } from '../errors/vault-error.js';
import { MemoryKeyStore } from '../stores/memory-key-store.js';
import { KeyVault } from '../vault/key-vault.js';
import { fromBase64 } from './encoding.js';
import { parseEnvelope, parseEnvelopeJson } from './envelope.js';
import {
  deriveAesKey,
  importPassword,
  MINIMUM_ITERATIONS,
  resolveKdfPolicy,
} from './key-derivation.js';
import { decryptWithPassword, encryptWithPassword, PasswordCipher } from './password-cipher.js';

const testPolicy = resolveKdfPolicy({ unsafeTestIterations: 1_000 });

describe('key derivation policy', () => {
  it('defaults to 600,000 iterations and refuses fewer outside tests', () => {
    expect(resolveKdfPolicy()).toEqual({ iterations: 600_000, minimumIterations: 600_000 });
    expect(resolveKdfPolicy({ iterations: 900_000 }).iterations).toBe(900_000);
    for (const iterations of [599_999, 0, 1.5, 20_000_000]) {
      expect(() => resolveKdfPolicy({ iterations })).toThrow(VaultError);
    }
    expect(() => new KeyVault({ store: new MemoryKeyStore(), iterations: 100_000 })).toThrow(
      /600000/,
    );
  });

  it('accepts a low count only through unsafeTestIterations', () => {
    expect(testPolicy).toEqual({ iterations: 1_000, minimumIterations: 1 });
    expect(() => resolveKdfPolicy({ unsafeTestIterations: 0 })).toThrow(VaultError);
  });
});

describe('PasswordCipher and envelopes', () => {
  it('holds the password and every derived key as non-extractable CryptoKeys', async () => {
    const passwordKey = await importPassword('password-1');
    expect(passwordKey.extractable).toBe(false);
    const derived = await deriveAesKey(passwordKey, new Uint8Array(16), 1_000);
    expect(derived.extractable).toBe(false);
    expect(derived.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', derived)).rejects.toThrow();
  });

  it('encrypts with a fresh salt and IV every time, in the documented envelope', async () => {
    const first = await encryptWithPassword('same text', 'password-1', testPolicy, 'context');
    const second = await encryptWithPassword('same text', 'password-1', testPolicy, 'context');
    expect(Object.keys(first).sort()).toEqual(['aad', 'cipher', 'data', 'kdf', 'v']);
    expect(first.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 });
    expect(first.cipher.name).toBe('AES-GCM');
    expect(fromBase64(first.cipher.iv)).toHaveLength(12);
    expect(fromBase64(first.kdf.salt)).toHaveLength(16);
    // 9 bytes of text + 16 bytes of tag.
    expect(fromBase64(first.data)).toHaveLength(25);
    expect(first.kdf.salt).not.toBe(second.kdf.salt);
    expect(first.cipher.iv).not.toBe(second.cipher.iv);
    expect(first.data).not.toBe(second.data);
    expect(await decryptWithPassword(first, 'password-1', testPolicy, 'context')).toBe('same text');
  });

  it('fails with wrong_password for a wrong password and integrity inside a vault', async () => {
    const envelope = await encryptWithPassword('secret text', 'password-1', testPolicy, 'ctx');
    await expect(decryptWithPassword(envelope, 'password-2', testPolicy, 'ctx')).rejects.toSatisfy(
      (error) => VaultError.hasCode(error, 'wrong_password'),
    );
    const cipher = await PasswordCipher.create('password-1', testPolicy);
    await expect(cipher.open(envelope, 'other context')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'integrity'),
    );
  });

  it('refuses stored iteration counts below the policy or absurdly high', async () => {
    const envelope = await encryptWithPassword('text', 'password-1', testPolicy);
    const production = resolveKdfPolicy();
    await expect(decryptWithPassword(envelope, 'password-1', production)).rejects.toSatisfy(
      (error) => VaultError.hasCode(error, 'integrity'),
    );
    const huge = { ...envelope, kdf: { ...envelope.kdf, iterations: 1_000_000_000 } };
    await expect(decryptWithPassword(huge, 'password-1', testPolicy)).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'integrity'),
    );
  });

  it('rejects malformed envelopes without echoing them', () => {
    const bad = [
      'not json',
      '{"v":2}',
      '{"v":1,"kdf":{"name":"scrypt"}}',
      JSON.stringify({
        v: 1,
        kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
        cipher: { name: 'AES-GCM', iv: 'short' },
        data: 'AAAAAAAAAAAAAAAAAAAAAA==',
      }),
    ];
    for (const text of bad) {
      let caught: unknown;
      try {
        parseEnvelopeJson(text);
      } catch (error) {
        caught = error;
      }
      expect(VaultError.hasCode(caught, 'integrity')).toBe(true);
      expect((caught as Error).message).not.toContain(text);
    }
    expect(() => parseEnvelope(null)).toThrow(/Malformed/);
  });

  it('runs the real 600,000-iteration path end to end', async () => {
    const envelope = await encryptWithPassword(
      'sk-real-path',
      'a real password',
      resolveKdfPolicy(),
    );
    expect(envelope.kdf.iterations).toBe(MINIMUM_ITERATIONS);
    expect(await decryptWithPassword(envelope, 'a real password', resolveKdfPolicy())).toBe(
      'sk-real-path',
    );
    const store = new MemoryKeyStore();
    const vault = new KeyVault({ store });
    await vault.unlock('a real password');
    await vault.store('openai', 'sk-real-path-key-000000000000');
    const reopened = new KeyVault({ store });
    await expect(reopened.unlock('not the password')).rejects.toSatisfy((error) =>
      VaultError.hasCode(error, 'wrong_password'),
    );
    await reopened.unlock('a real password');
    expect(await reopened.retrieve('openai')).toBe('sk-real-path-key-000000000000');
    for (const [name, text] of await store.readAll()) {
      if (name === 'vault' || name.startsWith('entry/')) {
        expect(text).toContain('"iterations":600000');
      }
    }
  }, 20_000);
});
