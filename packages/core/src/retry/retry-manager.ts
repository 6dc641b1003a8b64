import { APIError, APIErrorType } from '../errors/index.js';

/** Retry policy (the specification's `RetryConfig`). */
export interface RetryConfig {
  /** Retries after the first attempt (default 3). */
  maxRetries: number;
  /** First backoff in milliseconds (default 500). */
  initialBackoffTime: number;
  /** Cap of any single wait in milliseconds (default 30,000). */
  maxBackoffTime: number;
  /** Growth factor per attempt (default 2). */
  backoffMultiplier: number;
  /** Error types worth retrying (default rate_limit, network_error, server_error, timeout). */
  retryableErrors: APIErrorType[];
  /** Full jitter on (default true): each wait is random between 0 and the computed backoff. */
  jitter?: boolean;
}

/** Injectable time and randomness, so tests need no real waiting. */
export interface RetryEnvironment {
  /** Waits `ms`; rejects when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1). */
  random(): number;
}

/** Per-call options. */
export interface RetryOptions {
  signal?: AbortSignal;
  /** Called before each wait. */
  onRetry?: (info: { attempt: number; delayMs: number; error: APIError }) => void;
}

export const DEFAULT_RETRY_CONFIG: RetryConfig = {
  maxRetries: 3,
  initialBackoffTime: 500,
  maxBackoffTime: 30_000,
  backoffMultiplier: 2,
  retryableErrors: [
    APIErrorType.RATE_LIMIT,
    APIErrorType.NETWORK_ERROR,
    APIErrorType.SERVER_ERROR,
    APIErrorType.TIMEOUT,
  ],
  jitter: true,
};

const abortError = () =>
  new APIError('The request was aborted', { type: APIErrorType.ABORTED, provider: 'retry' });

const realEnvironment: RetryEnvironment = {
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError());
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
  random: Math.random,
};

/**
 * Runs operations with exponential backoff and jitter. Retries only `APIError`s whose type is
 * in `retryableErrors` and that are `retryable`; honours `retryAfter` (capped at
 * `maxBackoffTime`); stops at once on abort. Streams: use `streamWithRetry`, which never retries
 * after the first chunk.
 */
export class RetryManager {
  private readonly config: RetryConfig;

  constructor(
    config: Partial<RetryConfig> = {},
    private readonly environment: RetryEnvironment = realEnvironment,
  ) {
    this.config = { ...DEFAULT_RETRY_CONFIG, ...config };
  }

  /** The wait before retry number `attempt` (1-based), in milliseconds. */
  backoff(attempt: number, error?: APIError, config: RetryConfig = this.config): number {
    if (error?.retryAfter !== undefined)
      return Math.min(error.retryAfter * 1000, config.maxBackoffTime);
    const exponential = Math.min(
      config.initialBackoffTime * config.backoffMultiplier ** (attempt - 1),
      config.maxBackoffTime,
    );
    return config.jitter === false
      ? exponential
      : Math.floor(this.environment.random() * exponential);
  }

  private shouldRetry(error: unknown, config: RetryConfig): error is APIError {
    return (
      APIError.isInstance(error) && error.retryable && config.retryableErrors.includes(error.type)
    );
  }

  /** Runs `operation` until it succeeds, fails for good, or the retries run out. */
  async executeWithRetry<T>(
    operation: (attempt: number) => Promise<T>,
    config?: Partial<RetryConfig>,
    options: RetryOptions = {},
  ): Promise<T> {
    const effective = { ...this.config, ...config };
    for (let attempt = 0; ; attempt++) {
      if (options.signal?.aborted) throw abortError();
      try {
        return await operation(attempt);
      } catch (error) {
        if (options.signal?.aborted) throw APIError.isInstance(error) ? error : abortError();
        if (attempt >= effective.maxRetries || !this.shouldRetry(error, effective)) throw error;
        const delayMs = this.backoff(attempt + 1, error, effective);
        options.onRetry?.({ attempt: attempt + 1, delayMs, error });
        await this.environment.sleep(delayMs, options.signal);
      }
    }
  }

  /**
   * Retries opening a stream until its first chunk arrives; after that, errors pass through
   * unretried (the consumer has already seen output).
   */
  async *streamWithRetry<T>(
    open: (attempt: number) => AsyncIterable<T>,
    config?: Partial<RetryConfig>,
    options: RetryOptions = {},
  ): AsyncGenerator<T> {
    const first = await this.executeWithRetry(
      async (attempt) => {
        const iterator = open(attempt)[Symbol.asyncIterator]();
        const result = await iterator.next();
        return { iterator, result };
      },
      config,
      options,
    );
    const { iterator } = first;
    let result = first.result;
    try {
      while (!result.done) {
        yield result.value;
        result = await iterator.next();
      }
    } finally {
      if (!result.done) await iterator.return?.();
    }
  }
}
