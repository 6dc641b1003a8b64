import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type KdfOptions,
  PasswordCipher,
  parseEnvelopeJson,
  resolveKdfPolicy,
} from '@thinkbackcode/vault';

/** Encrypts secrets at rest (server-held provider keys), each bound to the record it belongs to. */
export interface SecretBox {
  /**
   * Encrypts `plaintext` bound to `context` (authenticated, not secret: e.g. the provider id);
   * the result is text safe to store.
   */
  seal(plaintext: string, context: string): Promise<string>;
  /**
   * Decrypts what `seal` produced for the same `context`; throws a `VaultError` when the text was
   * modified, sealed for another context or under another secret.
   */
  open(sealed: string, context: string): Promise<string>;
}

/** Name of the server secret file in the data directory (mode 0600). */
export const SERVER_KEY_FILE = 'server.key';

/** The additional authenticated data of a provider key's envelope. */
export function providerKeyAad(providerId: string): string {
  return JSON.stringify(['thinkbackcode-server/v1', 'provider-key', providerId]);
}

/**
 * A box over the vault's v1 envelope (PBKDF2-HMAC-SHA256 600k + AES-256-GCM, see the vault
 * README), with the server secret as the envelope password and `providerKeyAad(context)` as AAD.
 * The stored form is the envelope's JSON. Each seal pays one PBKDF2 under a fresh salt; the derived
 * key stays cached by salt, so after the first open of an envelope no call derives again.
 */
export function createEnvelopeSecretBox(secret: string, kdf: KdfOptions = {}): SecretBox {
  const cipher = PasswordCipher.create(secret, resolveKdfPolicy(kdf));
  // A rejected import (an empty secret) surfaces on the first use, not as an unhandled rejection.
  cipher.catch(() => {});
  return {
    async seal(plaintext, context) {
      return JSON.stringify(await (await cipher).seal(plaintext, providerKeyAad(context)));
    },
    async open(sealed, context) {
      return (await cipher).open(parseEnvelopeJson(sealed), providerKeyAad(context));
    },
  };
}

/**
 * The server secret, the password of every envelope the server writes: `secret`
 * (`THINKBACKCODE_SECRET`) when given, else the content of `<dataDir>/server.key`, created with
 * 32 random bytes (base64) and mode 0600 on first start.
 */
export function loadServerSecret(dataDir: string, secret?: string): string {
  if (secret !== undefined && secret !== '') return secret;
  const path = join(dataDir, SERVER_KEY_FILE);
  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8').trim();
    if (Buffer.from(text, 'base64').byteLength !== 32) {
      throw new Error(`${path} does not hold a 32-byte base64 secret`);
    }
    chmodSync(path, 0o600);
    return text;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const text = randomBytes(32).toString('base64');
  writeFileSync(path, `${text}\n`, { mode: 0o600, flag: 'wx' });
  return text;
}

/** A random secret for a throwaway in-memory server (nothing outlives the process). */
export function ephemeralServerSecret(): string {
  return randomBytes(32).toString('base64');
}
