import { describe, expect, it } from 'vitest';
import type { UsageRecord, UsageStore } from '../storage/usage-store.js';
import { createUsageRecorder } from './usage-recorder.js';

function row(time: number): UsageRecord {
  return {
    time,
    route: 'proxy:openai',
    provider: 'openai',
    status: 200,
    latencyMs: 1,
    promptTokens: 1,
    completionTokens: 1,
    cachedTokens: 0,
    reasoningTokens: 0,
    cost: 0,
  };
}

function memoryStore(failures = 0) {
  const batches: UsageRecord[][] = [];
  let remainingFailures = failures;
  const store: UsageStore = {
    insertMany(records) {
      if (remainingFailures-- > 0) throw new Error('disk full');
      batches.push([...records]);
    },
    query: () => batches.flat(),
  };
  return { store, batches };
}

describe('createUsageRecorder', () => {
  it('writes nothing on the request path and everything in one batch on flush', () => {
    const { store, batches } = memoryStore();
    const recorder = createUsageRecorder(store, { flushIntervalMs: 60_000 });
    recorder.record(row(1));
    recorder.record(row(2));
    expect(batches).toHaveLength(0);
    expect(recorder.pending).toBe(2);
    recorder.flush();
    expect(batches).toEqual([[row(1), row(2)]]);
    recorder.close();
  });

  it('writes a full batch on the next tick', async () => {
    const { store, batches } = memoryStore();
    const recorder = createUsageRecorder(store, { flushIntervalMs: 60_000, batchSize: 3 });
    for (let index = 0; index < 3; index++) recorder.record(row(index));
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.map((batch) => batch.length)).toEqual([3]);
    recorder.close();
  });

  it('keeps rows after a failed write and loses nothing on close', () => {
    const { store, batches } = memoryStore(1);
    const errors: unknown[] = [];
    const recorder = createUsageRecorder(store, {
      flushIntervalMs: 60_000,
      onError: (error) => errors.push(error),
    });
    recorder.record(row(1));
    recorder.flush();
    expect(errors).toHaveLength(1);
    recorder.record(row(2));
    recorder.close();
    expect(batches).toEqual([[row(1), row(2)]]);
  });
});
