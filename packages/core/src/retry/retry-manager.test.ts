import { describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../errors/index.js';
import { type RetryEnvironment, RetryManager } from './retry-manager.js';

function fakeEnvironment(randomValue = 0.5) {
  const sleeps: number[] = [];
  const environment: RetryEnvironment = {
    sleep: async (ms, signal) => {
      if (signal?.aborted)
        throw new APIError('aborted', { type: APIErrorType.ABORTED, provider: 'test' });
      sleeps.push(ms);
    },
    random: () => randomValue,
  };
  return { environment, sleeps };
}

const rateLimited = (retryAfter?: number) =>
  new APIError('slow down', {
    type: APIErrorType.RATE_LIMIT,
    provider: 'test',
    status: 429,
    ...(retryAfter === undefined ? {} : { retryAfter }),
  });

describe('RetryManager.executeWithRetry', () => {
  it('backs off exponentially with jitter, capped at maxBackoffTime', async () => {
    const { environment, sleeps } = fakeEnvironment(0.5);
    const manager = new RetryManager(
      { maxRetries: 4, initialBackoffTime: 100, maxBackoffTime: 300, backoffMultiplier: 2 },
      environment,
    );
    let calls = 0;
    const result = await manager.executeWithRetry(async () => {
      calls++;
      if (calls < 5) throw rateLimited();
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(calls).toBe(5);
    // 100, 200, 400→300, 800→300, each times the 0.5 jitter.
    expect(sleeps).toEqual([50, 100, 150, 150]);
  });

  it('honours retryAfter from the error, capped', async () => {
    const { environment, sleeps } = fakeEnvironment();
    const manager = new RetryManager({ maxRetries: 2, maxBackoffTime: 10_000 }, environment);
    let calls = 0;
    await manager.executeWithRetry(async () => {
      calls++;
      if (calls === 1) throw rateLimited(2);
      if (calls === 2) throw rateLimited(65);
      return 'ok';
    });
    expect(sleeps).toEqual([2000, 10_000]);
  });

  it('does not retry errors outside retryableErrors or marked not retryable', async () => {
    const { environment, sleeps } = fakeEnvironment();
    const manager = new RetryManager({ maxRetries: 3 }, environment);
    const auth = new APIError('bad key', {
      type: APIErrorType.AUTH_FAILED,
      provider: 'test',
      status: 401,
    });
    await expect(manager.executeWithRetry(async () => Promise.reject(auth))).rejects.toBe(auth);
    const notRetryable = new APIError('busy', {
      type: APIErrorType.RATE_LIMIT,
      provider: 'test',
      retryable: false,
    });
    await expect(manager.executeWithRetry(async () => Promise.reject(notRetryable))).rejects.toBe(
      notRetryable,
    );
    const plain = new Error('bug');
    await expect(manager.executeWithRetry(async () => Promise.reject(plain))).rejects.toBe(plain);
    expect(sleeps).toEqual([]);
  });

  it('gives up after maxRetries with the last error', async () => {
    const { environment, sleeps } = fakeEnvironment();
    const manager = new RetryManager({ maxRetries: 2 }, environment);
    let calls = 0;
    await expect(
      manager.executeWithRetry(async () => {
        calls++;
        throw rateLimited();
      }),
    ).rejects.toMatchObject({ type: 'rate_limit' });
    expect(calls).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it('stops at once when the signal aborts', async () => {
    const { environment } = fakeEnvironment();
    const manager = new RetryManager({ maxRetries: 5 }, environment);
    const controller = new AbortController();
    let calls = 0;
    await expect(
      manager.executeWithRetry(
        async () => {
          calls++;
          controller.abort();
          throw rateLimited();
        },
        {},
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ type: 'rate_limit' });
    expect(calls).toBe(1);
  });

  it('streamWithRetry retries before the first chunk but never after it', async () => {
    const { environment, sleeps } = fakeEnvironment();
    const manager = new RetryManager({ maxRetries: 3 }, environment);
    let opens = 0;
    const open = () => {
      opens++;
      const attempt = opens;
      return (async function* () {
        if (attempt === 1) throw rateLimited();
        yield 'a';
        throw new APIError('dropped', { type: APIErrorType.NETWORK_ERROR, provider: 'test' });
      })();
    };
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of manager.streamWithRetry(open)) seen.push(chunk);
      })(),
    ).rejects.toMatchObject({ type: 'network_error' });
    expect(seen).toEqual(['a']);
    expect(opens).toBe(2);
    expect(sleeps).toHaveLength(1);
  });
});
