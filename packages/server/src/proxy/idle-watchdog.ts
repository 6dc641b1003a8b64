import type { Readable } from 'node:stream';

/** The upstream sent no body data for longer than the idle timeout. */
export class UpstreamIdleError extends Error {
  readonly code = 'upstream_idle_timeout';
  constructor(idleMs: number) {
    super(`The upstream sent nothing for ${idleMs} ms`);
    this.name = 'UpstreamIdleError';
  }
}

/**
 * Destroys `body` with `UpstreamIdleError` when `touch` (call it per chunk) is not called for
 * `idleMs` milliseconds. Time spent paused (a slow client: backpressure) does not count. One timer
 * per body, refreshed per chunk; undici's own body timeout ticks in half seconds above one second,
 * too coarse here. It does not listen to `data` itself, which would start the flow before the
 * consumer is attached. `idleMs` 0 disables the watchdog.
 */
export function watchIdle(body: Readable, idleMs: number): () => void {
  if (idleMs <= 0) return () => {};
  const timer = setTimeout(() => {
    if (body.isPaused()) {
      timer.refresh();
      return;
    }
    body.destroy(new UpstreamIdleError(idleMs));
  }, idleMs);
  timer.unref();
  body.once('close', () => clearTimeout(timer));
  return () => {
    timer.refresh();
  };
}
