import { VaultError } from '../errors/vault-error.js';
import { utf8Encode } from './encoding.js';

/** OWASP's PBKDF2-HMAC-SHA256 work factor (Password Storage Cheat Sheet, December 2022). */
export const MINIMUM_ITERATIONS = 600_000;

/** Upper bound accepted from stored envelopes, so a crafted one cannot stall the process. */
export const MAXIMUM_ITERATIONS = 10_000_000;

/** Longest password accepted, in characters (long inputs only cost time, not strength). */
export const MAXIMUM_PASSWORD_LENGTH = 4096;

/** Salt length in bytes for every derived key. */
export const SALT_BYTES = 16;

/** Options that set the PBKDF2 work factor. */
export interface KdfOptions {
  /** PBKDF2 iterations for new envelopes (default and minimum 600,000). */
  iterations?: number;
  /**
   * TESTS ONLY. Uses this (tiny) iteration count for new envelopes and accepts any count when
   * decrypting. Never set it in production: it removes the brute-force cost of the password.
   */
  unsafeTestIterations?: number;
}

/** The work factor a vault writes with and the least it accepts when reading. */
export interface KdfPolicy {
  readonly iterations: number;
  readonly minimumIterations: number;
}

/** Resolves and checks the work factor from options. */
export function resolveKdfPolicy(options: KdfOptions = {}): KdfPolicy {
  if (options.unsafeTestIterations !== undefined) {
    const iterations = options.unsafeTestIterations;
    if (!Number.isSafeInteger(iterations) || iterations < 1) {
      throw new VaultError('invalid_input', 'unsafeTestIterations must be a positive integer.');
    }
    return { iterations, minimumIterations: 1 };
  }
  const iterations = options.iterations ?? MINIMUM_ITERATIONS;
  if (
    !Number.isSafeInteger(iterations) ||
    iterations < MINIMUM_ITERATIONS ||
    iterations > MAXIMUM_ITERATIONS
  ) {
    throw new VaultError(
      'invalid_input',
      `PBKDF2 iterations must be an integer from ${MINIMUM_ITERATIONS} to ${MAXIMUM_ITERATIONS}.`,
    );
  }
  return { iterations, minimumIterations: MINIMUM_ITERATIONS };
}

/** Throws `integrity` when a stored iteration count is outside what the policy accepts. */
export function checkStoredIterations(policy: KdfPolicy, iterations: number): void {
  if (iterations < policy.minimumIterations || iterations > MAXIMUM_ITERATIONS) {
    throw new VaultError(
      'integrity',
      'Encrypted data uses an iteration count outside the accepted range.',
    );
  }
}

/**
 * Imports a password as a non-extractable PBKDF2 base key. Passwords are NFKC-normalised so the
 * same characters typed on different systems give the same key.
 */
export async function importPassword(password: string): Promise<CryptoKey> {
  if (typeof password !== 'string' || password.length === 0) {
    throw new VaultError('invalid_input', 'The password must be a non-empty string.');
  }
  if (password.length > MAXIMUM_PASSWORD_LENGTH) {
    throw new VaultError(
      'invalid_input',
      `The password must be at most ${MAXIMUM_PASSWORD_LENGTH} characters.`,
    );
  }
  return globalThis.crypto.subtle.importKey(
    'raw',
    utf8Encode(password.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
}

/** Derives a non-extractable AES-256-GCM key: PBKDF2-HMAC-SHA256(password, salt, iterations). */
export function deriveAesKey(
  passwordKey: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  return globalThis.crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    passwordKey,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
