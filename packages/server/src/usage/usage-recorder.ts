import type { UsageRecord, UsageStore } from '../storage/usage-store.js';

/** Collects usage rows on the request path and writes them in batches off it. */
export interface UsageRecorder {
  /** Queues one row (never blocks, never throws). */
  record(record: UsageRecord): void;
  /** Writes everything queued now. */
  flush(): void;
  /** Rows queued and not yet written. */
  readonly pending: number;
  /** Stops the timer and flushes. */
  close(): void;
}

/** Options of the recorder. */
export interface UsageRecorderOptions {
  /** Milliseconds between writes (default 1,000). */
  flushIntervalMs?: number;
  /** Queue length that triggers a write on the next tick (default 500). */
  batchSize?: number;
  /** Called when a batch cannot be written (the rows are kept for the next attempt). */
  onError?: (error: unknown) => void;
}

/** A recorder writing to `store` every `flushIntervalMs` or every `batchSize` rows. */
export function createUsageRecorder(
  store: UsageStore,
  options: UsageRecorderOptions = {},
): UsageRecorder {
  const batchSize = options.batchSize ?? 500;
  let queue: UsageRecord[] = [];
  let scheduled = false;

  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      store.insertMany(batch);
    } catch (error) {
      queue = batch.concat(queue);
      options.onError?.(error);
    }
  };
  const timer = setInterval(flush, options.flushIntervalMs ?? 1000);
  timer.unref();

  return {
    record(record) {
      queue.push(record);
      if (queue.length >= batchSize && !scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
    get pending() {
      return queue.length;
    },
    close() {
      clearInterval(timer);
      flush();
    },
  };
}
