import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The SQLite handle type the stores share. */
export type SqliteDatabase = Database.Database;

const schema = `
CREATE TABLE IF NOT EXISTS settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS providers (
  id TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  sealed_key TEXT,
  key_hint TEXT,
  updated_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS proxies (
  id TEXT PRIMARY KEY,
  config TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS gateway_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  key_hash TEXT NOT NULL UNIQUE,
  key_hint TEXT NOT NULL,
  allowed_models TEXT,
  requests_per_minute INTEGER,
  tokens_per_minute INTEGER,
  expires_at INTEGER,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER
);
CREATE TABLE IF NOT EXISTS usage (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  time INTEGER NOT NULL,
  route TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT,
  caller TEXT,
  origin TEXT,
  status INTEGER NOT NULL,
  error_type TEXT,
  latency_ms REAL NOT NULL,
  ttfb_ms REAL,
  prompt_tokens INTEGER NOT NULL DEFAULT 0,
  completion_tokens INTEGER NOT NULL DEFAULT 0,
  cached_tokens INTEGER NOT NULL DEFAULT 0,
  reasoning_tokens INTEGER NOT NULL DEFAULT 0,
  cost REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS usage_time ON usage (time);
CREATE INDEX IF NOT EXISTS usage_provider_time ON usage (provider, time);
`;

/**
 * Opens (and creates) the gateway's SQLite database in `dataDir` (`thinkbackcode.db`), in WAL
 * mode. Pass `':memory:'` as `dataDir` for a throwaway in-memory database (tests).
 */
export function openDatabase(dataDir: string): SqliteDatabase {
  let database: SqliteDatabase;
  if (dataDir === ':memory:') {
    database = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    database = new Database(join(dataDir, 'thinkbackcode.db'));
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
  }
  database.pragma('busy_timeout = 5000');
  database.exec(schema);
  return database;
}
