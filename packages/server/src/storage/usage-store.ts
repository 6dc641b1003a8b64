import type { SqliteDatabase } from './database.js';

/** One request through any route. Never holds a key: `caller` is a key id or a hash. */
export interface UsageRecord {
  /** Epoch milliseconds when the request arrived. */
  time: number;
  /** Route family, e.g. `proxy:openai`, `proxy:custom`, `v1:chat`. */
  route: string;
  /** Provider id. */
  provider: string;
  model?: string | undefined;
  /** Gateway key id (`gk_…`) or `sha256:<first 16 hex>` of the caller's vendor key. */
  caller?: string | undefined;
  origin?: string | undefined;
  /** HTTP status sent to the client (499 when the client went away). */
  status: number;
  /** Error type when the request failed (`aborted`, `rate_limit`, `server_error`, …). */
  errorType?: string | undefined;
  /** Total time in milliseconds. */
  latencyMs: number;
  /** Time to the first upstream body byte in milliseconds. */
  ttfbMs?: number | undefined;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** Estimated cost in US dollars. */
  cost: number;
}

/** Filter for usage queries: `[from, to)` epoch milliseconds, optional provider. */
export interface UsageQuery {
  from: number;
  to: number;
  provider?: string;
}

/** Where usage rows go. */
export interface UsageStore {
  insertMany(records: readonly UsageRecord[]): void;
  query(filter: UsageQuery): UsageRecord[];
}

interface Row {
  time: number;
  route: string;
  provider: string;
  model: string | null;
  caller: string | null;
  origin: string | null;
  status: number;
  error_type: string | null;
  latency_ms: number;
  ttfb_ms: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens: number;
  reasoning_tokens: number;
  cost: number;
}

function toRecord(row: Row): UsageRecord {
  return {
    time: row.time,
    route: row.route,
    provider: row.provider,
    model: row.model ?? undefined,
    caller: row.caller ?? undefined,
    origin: row.origin ?? undefined,
    status: row.status,
    errorType: row.error_type ?? undefined,
    latencyMs: row.latency_ms,
    ttfbMs: row.ttfb_ms ?? undefined,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    cachedTokens: row.cached_tokens,
    reasoningTokens: row.reasoning_tokens,
    cost: row.cost,
  };
}

/** `UsageStore` on SQLite; `insertMany` writes one transaction per batch. */
export function createSqliteUsageStore(database: SqliteDatabase): UsageStore {
  const insert = database.prepare(
    `INSERT INTO usage (time, route, provider, model, caller, origin, status, error_type, latency_ms,
      ttfb_ms, prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, cost)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAll = database.transaction((records: readonly UsageRecord[]) => {
    for (const record of records) {
      insert.run(
        record.time,
        record.route,
        record.provider,
        record.model ?? null,
        record.caller ?? null,
        record.origin ?? null,
        record.status,
        record.errorType ?? null,
        record.latencyMs,
        record.ttfbMs ?? null,
        record.promptTokens,
        record.completionTokens,
        record.cachedTokens,
        record.reasoningTokens,
        record.cost,
      );
    }
  });
  const byTime = database.prepare(
    'SELECT * FROM usage WHERE time >= ? AND time < ? ORDER BY time, id',
  );
  const byProvider = database.prepare(
    'SELECT * FROM usage WHERE provider = ? AND time >= ? AND time < ? ORDER BY time, id',
  );
  return {
    insertMany(records) {
      if (records.length > 0) insertAll(records);
    },
    query(filter) {
      const rows =
        filter.provider === undefined
          ? byTime.all(filter.from, filter.to)
          : byProvider.all(filter.provider, filter.from, filter.to);
      return (rows as Row[]).map(toRecord);
    },
  };
}
