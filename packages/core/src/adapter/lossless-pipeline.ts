import { NDJSONDecoder, SSEDecoder, type SSEEvent } from '../http/index.js';
import type { ChatChunk } from '../spec/index.js';
import type { StreamFraming } from './definition.js';

/** A vendor stream stage: wire events in, ChatChunks out. */
export type ChunkTransformer = Transformer<SSEEvent | unknown, ChatChunk>;

/** The chunk stream plus what ended it early, read once the stream is done. */
export interface LosslessStream {
  chunks: ReadableStream<ChatChunk>;
  /** The vendor's in-stream error (from `controller.error`), or undefined. */
  vendorError(): unknown;
  /** The failure reading or parsing the upstream body (drop, abort, timeout, bad framing). */
  transportError(): unknown;
}

/**
 * Bytes → text → events → ChatChunks in ONE pull-driven `ReadableStream`: no intermediate stream
 * stages (each costs microseconds per chunk), nothing read from the body before the consumer asks
 * (backpressure), and no chunk lost to an error. Web streams discard queued chunks when an error
 * travels down a pipe chain, so errors stay out of band here: a body failure or a vendor
 * `controller.error` closes the stream after the chunks before it, and the caller reports them.
 * `flush` is skipped when the stream ended early.
 */
export function createLosslessPipeline(
  body: ReadableStream<Uint8Array>,
  framing: StreamFraming,
  stage: ChunkTransformer,
): LosslessStream {
  let transportError: unknown;
  let vendorError: unknown;
  let closed = false;
  const reader = body.getReader();
  const text = new TextDecoder();
  const events: unknown[] = [];
  const collect = (event: unknown) => {
    events.push(event);
  };
  const parser = framing === 'sse' ? new SSEDecoder() : new NDJSONDecoder();
  let produced = 0;

  const guard = (
    controller: ReadableStreamDefaultController<ChatChunk>,
  ): TransformStreamDefaultController<ChatChunk> => ({
    get desiredSize() {
      return controller.desiredSize;
    },
    enqueue: (chunk) => {
      if (vendorError !== undefined || closed || chunk === undefined) return;
      produced++;
      controller.enqueue(chunk);
    },
    error: (reason) => {
      if (vendorError === undefined) vendorError = reason ?? new Error('stream error');
    },
    terminate: () => {
      vendorError ??= new Error('The stream was terminated');
    },
  });

  const close = (controller: ReadableStreamDefaultController<ChatChunk>) => {
    if (closed) return;
    closed = true;
    controller.close();
    if (vendorError !== undefined) reader.cancel().catch(() => {});
  };

  /** Runs the collected events through the vendor stage, in order. */
  const translate = async (controller: ReadableStreamDefaultController<ChatChunk>) => {
    const guarded = guard(controller);
    for (let index = 0; index < events.length && vendorError === undefined; index++) {
      const pending = stage.transform?.(events[index], guarded);
      if (pending) await pending;
    }
    events.length = 0;
  };

  const chunks = new ReadableStream<ChatChunk>(
    {
      start: (controller) => stage.start?.(guard(controller)),
      async pull(controller) {
        produced = 0;
        while (produced === 0 && !closed) {
          if (vendorError !== undefined) return close(controller);
          let result: ReadableStreamReadResult<Uint8Array>;
          try {
            result = await reader.read();
          } catch (error) {
            transportError = error;
            return close(controller);
          }
          try {
            if (result.done) {
              parser.push(text.decode(), collect);
              parser.end(collect);
            } else {
              parser.push(text.decode(result.value, { stream: true }), collect);
            }
          } catch (error) {
            // Bad framing (a line that is not JSON): what parsed before it still goes out.
            transportError = error;
          }
          await translate(controller);
          if (transportError !== undefined) return close(controller);
          if (result.done) {
            if (vendorError === undefined) {
              const pending = stage.flush?.(guard(controller));
              if (pending) await pending;
            }
            return close(controller);
          }
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  return { chunks, vendorError: () => vendorError, transportError: () => transportError };
}
