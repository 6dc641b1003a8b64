/** The answer of one rate-limit check. */
export interface RateLimitDecision {
  allowed: boolean;
  /** Bucket capacity. */
  limit: number;
  /** Whole units left after this check. */
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds to wait before one unit is available (0 when allowed). */
  retryAfterSeconds: number;
}

/** Token buckets by key. The memory store serves one process; a Redis store comes with scale-out. */
export interface RateLimitStore {
  /**
   * Takes `cost` units from the bucket `key` (capacity `limit`, refilled at `limit` per
   * `windowMs`). With `cost` 0 it only reports whether the bucket is in debt.
   */
  take(key: string, cost: number, limit: number, windowMs: number, now?: number): RateLimitDecision;
  /** Charges `cost` units after the fact (token counts known only at the end); may go negative. */
  charge(key: string, cost: number, limit: number, windowMs: number, now?: number): void;
}

interface Bucket {
  level: number;
  updatedAt: number;
  /** Capacity and window of the last check, so a sweep can refill the bucket on its own terms. */
  limit: number;
  windowMs: number;
}

/** A `RateLimitStore` held in this process's memory. */
export interface MemoryRateLimitStore extends RateLimitStore {
  /** Number of buckets held (swept ones excluded). */
  readonly size: number;
}

/** Minimum interval between two sweeps of the whole map. */
const sweepIntervalMs = 60_000;

/** True when the bucket, refilled up to `now`, would be full: forgetting it changes nothing. */
function isFullAt(bucket: Bucket, now: number): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt);
  return bucket.level + (elapsed * bucket.limit) / bucket.windowMs >= bucket.limit;
}

/** An in-memory `RateLimitStore`; buckets that have refilled completely are swept. */
export function createMemoryRateLimitStore(): MemoryRateLimitStore {
  const buckets = new Map<string, Bucket>();
  let lastSweep = 0;

  const refill = (key: string, limit: number, windowMs: number, now: number): Bucket => {
    if (now - lastSweep > sweepIntervalMs) {
      lastSweep = now;
      for (const [name, bucket] of buckets) {
        if (isFullAt(bucket, now)) buckets.delete(name);
      }
    }
    let bucket = buckets.get(key);
    if (!bucket) {
      bucket = { level: limit, updatedAt: now, limit, windowMs };
      buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.level = Math.min(limit, bucket.level + (elapsed * limit) / windowMs);
    bucket.updatedAt = now;
    bucket.limit = limit;
    bucket.windowMs = windowMs;
    return bucket;
  };

  return {
    get size() {
      return buckets.size;
    },
    take(key, cost, limit, windowMs, now = Date.now()) {
      const bucket = refill(key, limit, windowMs, now);
      const rate = limit / windowMs;
      const needed = Math.max(cost, cost === 0 ? 0 : 1);
      const allowed = cost === 0 ? bucket.level >= 0 : bucket.level >= needed;
      if (allowed) bucket.level -= cost;
      const deficit = allowed ? 0 : (cost === 0 ? 0 : needed) - bucket.level;
      return {
        allowed,
        limit,
        remaining: Math.max(0, Math.floor(bucket.level)),
        resetSeconds: Math.ceil((limit - bucket.level) / rate / 1000),
        retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil(deficit / rate / 1000)),
      };
    },
    charge(key, cost, limit, windowMs, now = Date.now()) {
      const bucket = refill(key, limit, windowMs, now);
      bucket.level -= cost;
    },
  };
}
