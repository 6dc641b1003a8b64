import { VaultError, type VaultErrorCode } from '../errors/vault-error.js';
import { randomBytes, toBase64, utf8Decode, utf8Encode } from './encoding.js';
import type { Envelope } from './envelope.js';
import {
  type KeyParameters,
  keyParametersOf,
  openEnvelope,
  sealEnvelope,
} from './envelope-cipher.js';
import {
  checkStoredIterations,
  deriveAesKey,
  importPassword,
  type KdfPolicy,
  SALT_BYTES,
} from './key-derivation.js';

/** A derived key and the parameters it came from (see `PasswordCipher.freshKey`). */
export interface FreshKey {
  readonly parameters: KeyParameters;
  readonly key: CryptoKey;
}

/**
 * Encrypts and decrypts envelopes under one password. The password lives only inside a
 * non-extractable PBKDF2 `CryptoKey`; each envelope has its own random salt, so its AES key
 * costs one full PBKDF2 to derive. Derived keys are non-extractable and cached by salt, so only
 * the first use of an envelope pays the derivation.
 */
export class PasswordCipher {
  readonly #passwordKey: CryptoKey;
  readonly #policy: KdfPolicy;
  readonly #keys = new Map<string, Promise<CryptoKey>>();

  private constructor(passwordKey: CryptoKey, policy: KdfPolicy) {
    this.#passwordKey = passwordKey;
    this.#policy = policy;
  }

  /** Imports the password (validated; see `importPassword`). */
  static async create(password: string, policy: KdfPolicy): Promise<PasswordCipher> {
    return new PasswordCipher(await importPassword(password), policy);
  }

  /** Encrypts text under a fresh salt and IV. */
  async seal(plaintext: string, aad?: string): Promise<Envelope> {
    return this.sealWith(await this.freshKey(), plaintext, aad);
  }

  /**
   * Derives a key under a fresh salt (the one expensive step of `seal`), so callers can run
   * derivations in parallel and encrypt later, once they know the AAD.
   */
  async freshKey(): Promise<FreshKey> {
    const parameters = { salt: randomBytes(SALT_BYTES), iterations: this.#policy.iterations };
    return { parameters, key: await this.#cachedKey(parameters.salt, parameters.iterations) };
  }

  /** Encrypts text with a key from `freshKey` (a fresh IV every call). */
  sealWith(freshKey: FreshKey, plaintext: string, aad?: string): Promise<Envelope> {
    return sealEnvelope(freshKey.key, freshKey.parameters, utf8Encode(plaintext), aad);
  }

  /**
   * Decrypts an envelope, checking it against `expectedAad`. Throws a `VaultError` with
   * `failureCode` (default `integrity`) when authentication fails.
   */
  async open(
    envelope: Envelope,
    expectedAad?: string,
    failureCode: VaultErrorCode = 'integrity',
  ): Promise<string> {
    checkStoredIterations(this.#policy, envelope.kdf.iterations);
    const parameters = keyParametersOf(envelope);
    const key = await this.#cachedKey(parameters.salt, parameters.iterations, envelope.kdf.salt);
    let plaintext: Uint8Array;
    try {
      plaintext = await openEnvelope(key, envelope, expectedAad);
    } catch (error) {
      throw new VaultError(failureCode, decryptionFailureMessage(failureCode), { cause: error });
    }
    try {
      return utf8Decode(plaintext);
    } catch {
      throw new VaultError('integrity', 'Decrypted data is not valid text.');
    }
  }

  /** Drops the cached keys of these envelopes; the next use re-derives them. */
  forget(envelopes: readonly Envelope[]): void {
    for (const envelope of envelopes) {
      this.#keys.delete(cacheKey(envelope.kdf.salt, envelope.kdf.iterations));
    }
  }

  /** Drops every cached key. */
  clear(): void {
    this.#keys.clear();
  }

  /** Number of derived keys held (for tests and diagnostics). */
  get cachedKeyCount(): number {
    return this.#keys.size;
  }

  #cachedKey(
    salt: Uint8Array<ArrayBuffer>,
    iterations: number,
    saltBase64?: string,
  ): Promise<CryptoKey> {
    const id = cacheKey(saltBase64 ?? toBase64(salt), iterations);
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = deriveAesKey(this.#passwordKey, salt, iterations);
      this.#keys.set(id, key);
      key.catch(() => this.#keys.delete(id));
    }
    return key;
  }
}

function cacheKey(saltBase64: string, iterations: number): string {
  return `${iterations}:${saltBase64}`;
}

function decryptionFailureMessage(code: VaultErrorCode): string {
  return code === 'wrong_password'
    ? 'Decryption failed: the password is wrong or the data was modified.'
    : 'Decryption failed: the encrypted data was modified, truncated or moved.';
}

/** Encrypts text with a one-off password (fresh salt and IV): the `encrypt(data, password)` path. */
export async function encryptWithPassword(
  plaintext: string,
  password: string,
  policy: KdfPolicy,
  aad?: string,
): Promise<Envelope> {
  const cipher = await PasswordCipher.create(password, policy);
  return cipher.seal(plaintext, aad);
}

/** Decrypts an envelope with a one-off password; failure is `wrong_password`. */
export async function decryptWithPassword(
  envelope: Envelope,
  password: string,
  policy: KdfPolicy,
  expectedAad?: string,
): Promise<string> {
  const cipher = await PasswordCipher.create(password, policy);
  return cipher.open(envelope, expectedAad, 'wrong_password');
}
