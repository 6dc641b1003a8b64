import { createNDJSONParser, createSSEParser, type SSEEvent } from '../http/index.js';
import type { ChatChunk } from '../spec/index.js';
import type { StreamFraming } from './definition.js';

/** A vendor stream stage: a `Transformer` (preferred) or a ready `TransformStream`. */
export type ChunkTransformer =
  | Transformer<SSEEvent | unknown, ChatChunk>
  | TransformStream<SSEEvent | unknown, ChatChunk>;

/** The chunk stream plus what ended it early, read once the stream is done. */
export interface LosslessStream {
  chunks: ReadableStream<ChatChunk>;
  /** The vendor's in-stream error (from `controller.error`), or undefined. */
  vendorError(): unknown;
  /** The failure reading the upstream body (drop, abort, timeout), or undefined. */
  transportError(): unknown;
}

/**
 * Web streams discard queued chunks when an error travels down a pipe chain, so a consumer slower
 * than the network would lose events that had already arrived. This pipeline keeps errors out of
 * band instead: a body read failure closes the body gracefully, a vendor `controller.error`
 * terminates the stage, and both are reported after every chunk before them has been read.
 */
export function createLosslessPipeline(
  body: ReadableStream<Uint8Array>,
  framing: StreamFraming,
  stage: ChunkTransformer,
): LosslessStream {
  let transportError: unknown;
  let vendorError: unknown;
  const reader = body.getReader();
  const guardedBody = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          transportError = error;
          controller.close();
        }
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
  const parser = framing === 'sse' ? createSSEParser() : createNDJSONParser();
  const decoder = new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>;
  const events = guardedBody.pipeThrough(decoder).pipeThrough(parser);
  if (stage instanceof TransformStream) {
    return {
      chunks: events.pipeThrough(stage),
      vendorError: () => vendorError,
      transportError: () => transportError,
    };
  }
  const guard = (
    controller: TransformStreamDefaultController<ChatChunk>,
  ): TransformStreamDefaultController<ChatChunk> => ({
    get desiredSize() {
      return controller.desiredSize;
    },
    enqueue: (chunk) => {
      if (vendorError === undefined) controller.enqueue(chunk);
    },
    error: (reason) => {
      if (vendorError !== undefined) return;
      vendorError = reason ?? new Error('stream error');
      controller.terminate();
    },
    terminate: () => controller.terminate(),
  });
  const chunks = events.pipeThrough(
    new TransformStream<SSEEvent | unknown, ChatChunk>({
      start: (controller) => stage.start?.(guard(controller)),
      transform: (event, controller) => {
        if (vendorError !== undefined) return;
        if (stage.transform) return stage.transform(event, guard(controller));
        controller.enqueue(event as ChatChunk);
      },
      flush: (controller) => {
        if (vendorError !== undefined || transportError !== undefined) return;
        return stage.flush?.(guard(controller));
      },
    }),
  );
  return { chunks, vendorError: () => vendorError, transportError: () => transportError };
}
