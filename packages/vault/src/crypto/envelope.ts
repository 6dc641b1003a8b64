import { VaultError } from '../errors/vault-error.js';
import { fromBase64 } from './encoding.js';

/** Current envelope version. */
export const ENVELOPE_VERSION = 1;

/**
 * The one JSON shape of every encrypted thing the vault writes (entries, the password
 * verifier, `encrypt()` output, export bundles). All binary fields are standard base64.
 * See the package README ("Envelope format") for how to decrypt one without this library.
 */
export interface Envelope {
  /** Envelope format version (1). */
  v: 1;
  /** How the AES key was derived from the password. */
  kdf: {
    name: 'PBKDF2';
    hash: 'SHA-256';
    /** PBKDF2 iteration count (at least 600,000 outside tests). */
    iterations: number;
    /** Random salt (16 bytes), unique to this envelope's key. */
    salt: string;
  };
  /** The cipher: AES-256-GCM with a 128-bit tag appended to `data`. */
  cipher: {
    name: 'AES-GCM';
    /** Random 96-bit IV, never reused. */
    iv: string;
  };
  /** Additional authenticated data (UTF-8 bytes), when some context is bound to the data. */
  aad?: string;
  /** Ciphertext followed by the 16-byte authentication tag. */
  data: string;
}

function malformed(what: string): VaultError {
  return new VaultError('integrity', `Malformed encrypted envelope: ${what}.`);
}

function readBase64(value: unknown, what: string, byteLength?: number): string {
  if (typeof value !== 'string') throw malformed(`${what} is missing`);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(value);
  } catch {
    throw malformed(`${what} is not base64`);
  }
  if (byteLength !== undefined && bytes.length !== byteLength) {
    throw malformed(`${what} has the wrong length`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks that `value` is a well-formed envelope and returns it typed. Throws a `VaultError`
 * with code `integrity` otherwise (never echoing the value).
 */
export function parseEnvelope(value: unknown): Envelope {
  if (!isRecord(value)) throw malformed('not an object');
  if (value.v !== ENVELOPE_VERSION) throw malformed('unsupported version');
  const { kdf, cipher } = value;
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256') {
    throw malformed('unsupported key derivation');
  }
  if (typeof kdf.iterations !== 'number' || !Number.isSafeInteger(kdf.iterations)) {
    throw malformed('iterations is not an integer');
  }
  if (!isRecord(cipher) || cipher.name !== 'AES-GCM') throw malformed('unsupported cipher');
  const envelope: Envelope = {
    v: ENVELOPE_VERSION,
    kdf: {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: kdf.iterations,
      salt: readBase64(kdf.salt, 'salt'),
    },
    cipher: { name: 'AES-GCM', iv: readBase64(cipher.iv, 'iv', 12) },
    data: readBase64(value.data, 'data'),
  };
  if (fromBase64(envelope.kdf.salt).length < 16) throw malformed('salt is too short');
  if (fromBase64(envelope.data).length < 16) throw malformed('data is too short');
  if (value.aad !== undefined) envelope.aad = readBase64(value.aad, 'aad');
  return envelope;
}

/** Parses the JSON text of an envelope (see `parseEnvelope`). */
export function parseEnvelopeJson(text: string): Envelope {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('not JSON');
  }
  return parseEnvelope(value);
}
