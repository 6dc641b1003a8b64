import { redactName } from '../redact/redact.js';

/**
 * Why a vault operation failed:
 * - `locked`: the vault must be unlocked first.
 * - `wrong_password`: the password does not open the vault (or an export bundle).
 * - `integrity`: stored data was altered, swapped or truncated; nothing was decrypted.
 * - `not_found`: no such entry.
 * - `expired`: the entry's `expiresAt` has passed.
 * - `storage`: the backing store failed to read or write.
 * - `invalid_input`: an argument was malformed or out of range (e.g. too few iterations).
 * - `invalid_session`: the session token is unknown, expired or idle too long.
 */
export type VaultErrorCode =
  | 'locked'
  | 'wrong_password'
  | 'integrity'
  | 'not_found'
  | 'expired'
  | 'storage'
  | 'invalid_input'
  | 'invalid_session';

const marker = Symbol.for('thinkbackcode.vault-error');

/** Fields of a `VaultError` besides its message. */
export interface VaultErrorOptions {
  /** Provider id the failure concerns, when there is one. Never a key. */
  provider?: string;
  /**
   * The underlying error. Only errors whose messages cannot hold a secret are passed here
   * (WebCrypto `OperationError`, file-system errors).
   */
  cause?: unknown;
}

/**
 * The one error the vault throws. Its message names what failed and never contains a key,
 * a password, a token or ciphertext.
 */
export class VaultError extends Error {
  /** Marks instances across duplicated copies of this package. */
  readonly [marker] = true;
  readonly code: VaultErrorCode;
  readonly provider: string | undefined;

  constructor(code: VaultErrorCode, message: string, options: VaultErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VaultError';
    this.code = code;
    this.provider = options.provider === undefined ? undefined : redactName(options.provider);
  }

  /** True for a `VaultError` from any copy of this package. */
  static isInstance(value: unknown): value is VaultError {
    return typeof value === 'object' && value !== null && marker in value;
  }

  /** True when `value` is a `VaultError` with the given code. */
  static hasCode(value: unknown, code: VaultErrorCode): value is VaultError {
    return VaultError.isInstance(value) && value.code === code;
  }

  /** A plain object for logs and JSON error bodies. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      ...(this.provider === undefined ? {} : { provider: this.provider }),
    };
  }
}
