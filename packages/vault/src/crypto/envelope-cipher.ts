import { fromBase64, randomBytes, toBase64, utf8Encode } from './encoding.js';
import { ENVELOPE_VERSION, type Envelope } from './envelope.js';

/** IV length for AES-GCM: 96 bits, the size GCM is designed for. */
export const IV_BYTES = 12;

/** The key-derivation half of an envelope: the salt and iterations that produced `key`. */
export interface KeyParameters {
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
}

/**
 * Encrypts `plaintext` with AES-256-GCM under `key` with a fresh random IV and returns the
 * envelope. `aad`, when given, is authenticated (not encrypted) and recorded in the envelope.
 */
export async function sealEnvelope(
  key: CryptoKey,
  parameters: KeyParameters,
  plaintext: Uint8Array<ArrayBuffer>,
  aad?: string,
): Promise<Envelope> {
  const iv = randomBytes(IV_BYTES);
  const algorithm: AesGcmParams = { name: 'AES-GCM', iv, tagLength: 128 };
  if (aad !== undefined) algorithm.additionalData = utf8Encode(aad);
  const data = await globalThis.crypto.subtle.encrypt(algorithm, key, plaintext);
  const envelope: Envelope = {
    v: ENVELOPE_VERSION,
    kdf: {
      name: 'PBKDF2',
      hash: 'SHA-256',
      iterations: parameters.iterations,
      salt: toBase64(parameters.salt),
    },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
  if (aad !== undefined) envelope.aad = toBase64(utf8Encode(aad));
  return envelope;
}

/**
 * Decrypts an envelope under `key`. `expectedAad` is the context the caller trusts; the
 * envelope's own `aad` field is never used for verification, so a swapped entry fails here.
 * Rejects (WebCrypto `OperationError`) when the key, the AAD or any byte is wrong.
 */
export async function openEnvelope(
  key: CryptoKey,
  envelope: Envelope,
  expectedAad?: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const algorithm: AesGcmParams = {
    name: 'AES-GCM',
    iv: fromBase64(envelope.cipher.iv),
    tagLength: 128,
  };
  if (expectedAad !== undefined) algorithm.additionalData = utf8Encode(expectedAad);
  const plaintext = await globalThis.crypto.subtle.decrypt(
    algorithm,
    key,
    fromBase64(envelope.data),
  );
  return new Uint8Array(plaintext);
}

/** The salt and iterations recorded in an envelope. */
export function keyParametersOf(envelope: Envelope): KeyParameters {
  return { salt: fromBase64(envelope.kdf.salt), iterations: envelope.kdf.iterations };
}
