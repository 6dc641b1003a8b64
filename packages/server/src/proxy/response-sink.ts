import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { UpstreamIdleError } from './idle-watchdog.js';

/** How a streamed body ended (`timeout`: the upstream paused longer than the idle timeout). */
export type StreamOutcome = 'complete' | 'aborted' | 'timeout' | 'upstream_error';

function failureOutcome(error: unknown): StreamOutcome {
  return error instanceof UpstreamIdleError ? 'timeout' : 'upstream_error';
}

/** Callbacks of a body pump. */
export interface PumpHooks {
  /** Each chunk, as it passes. */
  observe(chunk: Uint8Array): void;
  /** Once, when the body ended one way or another. */
  done(outcome: StreamOutcome, firstByteAt: number | undefined): void;
  /** Cancels the upstream request. */
  abortUpstream(): void;
}

/**
 * Pipes an upstream body straight into a Node response with backpressure (pausing the upstream
 * while the client's socket is full). A client that goes away aborts the upstream. With
 * `flushHeaders` (streams) the headers leave at once; otherwise they go out with the first body
 * chunk, one write instead of two.
 */
export function pumpToNode(
  body: Readable,
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  hooks: PumpHooks,
  flushHeaders = true,
): void {
  let finished = false;
  let firstByteAt: number | undefined;
  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    hooks.done(outcome, firstByteAt);
  };
  outgoing.writeHead(status, headers);
  if (flushHeaders) outgoing.flushHeaders();
  body.on('data', (chunk: Buffer) => {
    firstByteAt ??= performance.now();
    hooks.observe(chunk);
    if (!outgoing.write(chunk)) body.pause();
  });
  outgoing.on('drain', () => body.resume());
  body.on('end', () => {
    outgoing.end();
    finish('complete');
  });
  body.on('error', (error) => {
    if (finished) return;
    outgoing.destroy();
    finish(failureOutcome(error));
  });
  outgoing.on('close', () => {
    if (finished) return;
    hooks.abortUpstream();
    body.destroy();
    finish('aborted');
  });
}

/**
 * Wraps an upstream body in a web `ReadableStream` that pulls with backpressure; cancelling the
 * stream (the client went away) aborts the upstream.
 */
export function pumpToWeb(body: Readable, hooks: PumpHooks): ReadableStream<Uint8Array> {
  let finished = false;
  let firstByteAt: number | undefined;
  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    hooks.done(outcome, firstByteAt);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        body.on('data', (chunk: Buffer) => {
          firstByteAt ??= performance.now();
          hooks.observe(chunk);
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) body.pause();
        });
        body.on('end', () => {
          if (finished) return;
          controller.close();
          finish('complete');
        });
        body.on('error', (error) => {
          if (finished) return;
          controller.error(error);
          finish(failureOutcome(error));
        });
        body.pause();
      },
      pull() {
        body.resume();
      },
      cancel() {
        hooks.abortUpstream();
        body.destroy();
        finish('aborted');
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}
