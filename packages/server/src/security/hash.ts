import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 of `text` as hex: how admin tokens, gateway keys and caller keys are stored. */
export function hashSecret(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time. */
export function digestsEqual(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');
  return a.byteLength === b.byteLength && a.byteLength > 0 && timingSafeEqual(a, b);
}

/** The last four characters of a secret, prefixed with `…`, for listings. Short secrets show nothing. */
export function maskSecret(secret: string): string {
  return secret.length >= 16 ? `…${secret.slice(-4)}` : '…';
}
