import { randomBytes, randomUUID } from 'node:crypto';
import { hashSecret, maskSecret } from '../security/hash.js';
import type { SqliteDatabase } from './database.js';

/** What the admin API accepts to create a gateway key. */
export interface GatewayKeyOptions {
  /** Display name. */
  name: string;
  /** `provider/model` ids (or aliases) the key may call; absent or empty: all. */
  allowedModels?: string[];
  /** Requests per minute for this key (overrides the server default). */
  requestsPerMinute?: number;
  /** Tokens per minute for this key (overrides the server default). */
  tokensPerMinute?: number;
  /** Expiry as epoch milliseconds; absent: never. */
  expiresAt?: number;
}

/** A stored gateway key, without the key itself. */
export interface GatewayKeyRecord extends GatewayKeyOptions {
  id: string;
  /** `…abcd`. */
  keyHint: string;
  createdAt: number;
  revokedAt?: number;
}

/** Gateway keys (`tbc_…`), stored as SHA-256 hashes. */
export interface GatewayKeyStore {
  /** Creates a key; the returned `key` is the only time it is visible. */
  create(options: GatewayKeyOptions): { id: string; key: string; record: GatewayKeyRecord };
  /** The active (not revoked, not expired) key record matching `key`, or null. */
  verify(key: string, now?: number): GatewayKeyRecord | null;
  list(): GatewayKeyRecord[];
  /** True when a key was revoked. */
  revoke(id: string): boolean;
}

interface Row {
  id: string;
  name: string;
  key_hint: string;
  allowed_models: string | null;
  requests_per_minute: number | null;
  tokens_per_minute: number | null;
  expires_at: number | null;
  created_at: number;
  revoked_at: number | null;
}

function toRecord(row: Row): GatewayKeyRecord {
  const record: GatewayKeyRecord = {
    id: row.id,
    name: row.name,
    keyHint: row.key_hint,
    createdAt: row.created_at,
  };
  if (row.allowed_models !== null)
    record.allowedModels = JSON.parse(row.allowed_models) as string[];
  if (row.requests_per_minute !== null) record.requestsPerMinute = row.requests_per_minute;
  if (row.tokens_per_minute !== null) record.tokensPerMinute = row.tokens_per_minute;
  if (row.expires_at !== null) record.expiresAt = row.expires_at;
  if (row.revoked_at !== null) record.revokedAt = row.revoked_at;
  return record;
}

/** Prefix of every gateway key. */
export const GATEWAY_KEY_PREFIX = 'tbc_';

/** `GatewayKeyStore` on SQLite. Verification results are cached by hash for 5 seconds. */
export function createSqliteGatewayKeyStore(database: SqliteDatabase): GatewayKeyStore {
  const insert = database.prepare(
    `INSERT INTO gateway_keys (id, name, key_hash, key_hint, allowed_models, requests_per_minute,
      tokens_per_minute, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byHash = database.prepare('SELECT * FROM gateway_keys WHERE key_hash = ?');
  const all = database.prepare('SELECT * FROM gateway_keys ORDER BY created_at');
  const revoke = database.prepare(
    'UPDATE gateway_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const cache = new Map<string, { record: GatewayKeyRecord | null; until: number }>();

  return {
    create(options) {
      const id = `gk_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
      const key = `${GATEWAY_KEY_PREFIX}${randomBytes(24).toString('base64url')}`;
      const createdAt = Date.now();
      insert.run(
        id,
        options.name,
        hashSecret(key),
        maskSecret(key),
        options.allowedModels?.length ? JSON.stringify(options.allowedModels) : null,
        options.requestsPerMinute ?? null,
        options.tokensPerMinute ?? null,
        options.expiresAt ?? null,
        createdAt,
      );
      cache.clear();
      const record = toRecord(byHash.get(hashSecret(key)) as Row);
      return { id, key, record };
    },
    verify(key, now = Date.now()) {
      if (!key.startsWith(GATEWAY_KEY_PREFIX)) return null;
      const hash = hashSecret(key);
      const cached = cache.get(hash);
      let record: GatewayKeyRecord | null;
      if (cached && cached.until > now) {
        record = cached.record;
      } else {
        const row = byHash.get(hash) as Row | undefined;
        record = row ? toRecord(row) : null;
        if (cache.size > 10_000) cache.clear();
        cache.set(hash, { record, until: now + 5000 });
      }
      if (!record || record.revokedAt !== undefined) return null;
      if (record.expiresAt !== undefined && record.expiresAt <= now) return null;
      return record;
    },
    list() {
      return (all.all() as Row[]).map(toRecord);
    },
    revoke(id) {
      const changed = revoke.run(Date.now(), id).changes > 0;
      cache.clear();
      return changed;
    },
  };
}
