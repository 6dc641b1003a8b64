import { randomBytes } from 'node:crypto';
import type { ConfigStorage } from '../storage/config-storage.js';
import { digestsEqual, hashSecret } from './hash.js';

const storageKey = 'admin_token_hash';

/** Checks admin tokens against a stored SHA-256 hash. */
export interface AdminTokenVerifier {
  verify(token: string): boolean;
}

/**
 * Makes sure an admin token exists. With `configuredToken` (`THINKBACKCODE_ADMIN_TOKEN`) that
 * token is used. Otherwise the stored hash is used; on first start a token is generated, its hash
 * stored, and the token handed to `announce` (printed once by `startServer`).
 */
export function ensureAdminToken(
  storage: ConfigStorage,
  configuredToken: string | undefined,
  announce: (token: string) => void,
): AdminTokenVerifier {
  let hash: string;
  if (configuredToken !== undefined && configuredToken !== '') {
    hash = hashSecret(configuredToken);
  } else {
    const stored = storage.readInternal(storageKey);
    if (stored !== undefined) {
      hash = stored;
    } else {
      const token = `tbcadmin_${randomBytes(24).toString('base64url')}`;
      hash = hashSecret(token);
      storage.writeInternal(storageKey, hash);
      announce(token);
    }
  }
  return { verify: (token) => token !== '' && digestsEqual(hashSecret(token), hash) };
}
