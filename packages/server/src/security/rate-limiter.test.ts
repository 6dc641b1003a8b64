import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from './rate-limiter.js';

describe('createMemoryRateLimitStore', () => {
  it('allows the capacity, refuses the next with a retry time, and refills over the window', () => {
    const store = createMemoryRateLimitStore();
    const now = 1_000_000;
    for (let index = 0; index < 3; index++) {
      expect(store.take('k', 1, 3, 60_000, now).allowed).toBe(true);
    }
    const refused = store.take('k', 1, 3, 60_000, now);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 20 });
    expect(store.take('k', 1, 3, 60_000, now + 20_000).allowed).toBe(true);
    expect(store.take('other', 1, 3, 60_000, now).remaining).toBe(2);
  });

  it('lets charges put a bucket in debt, which a zero-cost take reports', () => {
    const store = createMemoryRateLimitStore();
    const now = 5_000_000;
    expect(store.take('t', 0, 1000, 60_000, now).allowed).toBe(true);
    store.charge('t', 1500, 1000, 60_000, now);
    const refused = store.take('t', 0, 1000, 60_000, now);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(30);
    expect(store.take('t', 0, 1000, 60_000, now + 30_000).allowed).toBe(true);
  });

  it('sweeps the buckets of many idle callers once they have refilled, and keeps those in debt', () => {
    const store = createMemoryRateLimitStore();
    const start = 1_000_000_000;
    for (let index = 0; index < 1000; index++) {
      store.take(`req|ip:${index}`, 1, 600, 60_000, start + (index % 100));
    }
    store.charge('tokens|debtor', 10_000, 1000, 60_000, start);
    expect(store.size).toBe(1001);
    // Two minutes later every request bucket has refilled; the debtor (10x its capacity) has not.
    store.take('req|trigger', 1, 600, 60_000, start + 120_000);
    expect(store.size).toBe(2);
    // Much later the debt is repaid too, and only the new caller remains.
    store.take('req|late', 1, 600, 60_000, start + 3_600_000);
    expect(store.size).toBe(1);
  });
});
