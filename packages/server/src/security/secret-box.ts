import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Encrypts secrets at rest (server-held provider keys). */
export interface SecretBox {
  /** Encrypts `plaintext`; the result is text safe to store. */
  seal(plaintext: string): Promise<string>;
  /** Decrypts what `seal` produced; throws when it was tampered with or sealed under another key. */
  open(sealed: string): Promise<string>;
}

/** Name of the server key file in the data directory (mode 0600). */
export const SERVER_KEY_FILE = 'server.key';

const version = 'tbc-aes256gcm-v1';

/**
 * An AES-256-GCM box with a fresh 96-bit nonce per message. The stored form is
 * `tbc-aes256gcm-v1.<nonce>.<ciphertext+tag>` in base64url.
 */
export function createAesSecretBox(key: Uint8Array): SecretBox {
  if (key.byteLength !== 32) throw new Error('The server key must be 32 bytes');
  return {
    async seal(plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([
        cipher.update(plaintext, 'utf8'),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      return `${version}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
    },
    async open(sealed) {
      const [prefix, nonceText, bodyText] = sealed.split('.');
      if (prefix !== version || !nonceText || !bodyText) throw new Error('Unknown sealed format');
      const body = Buffer.from(bodyText, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonceText, 'base64url'));
      decipher.setAuthTag(body.subarray(body.length - 16));
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - 16)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/**
 * The server key: derived from `secret` (`THINKBACKCODE_SECRET`) when given, else read from
 * `<dataDir>/server.key`, created with 32 random bytes and mode 0600 on first start.
 */
export function loadServerKey(dataDir: string, secret?: string): Uint8Array {
  if (secret !== undefined && secret !== '') {
    return createHash('sha256').update(`thinkbackcode-server-key:${secret}`).digest();
  }
  const path = join(dataDir, SERVER_KEY_FILE);
  if (existsSync(path)) {
    const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    if (key.byteLength !== 32) throw new Error(`${path} does not hold a 32-byte key`);
    chmodSync(path, 0o600);
    return key;
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}
