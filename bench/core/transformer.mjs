// The pieces of the adapter's cost that can run without web streams: JSON.parse of every event and
// the vendor's stream `Transformer` (its `transform`/`flush` called in a plain loop over events
// parsed once up front). What the streamed adapter costs beyond these and the parse stage is the
// web-stream plumbing and the engine around them.
import { drainStream } from './measure.mjs';
import { bodyStream } from './network.mjs';

/** Decodes and frames the wire once; returns the SSE events or the parsed NDJSON values. */
export async function collectEvents(core, pieces, framing) {
  const parser = framing === 'sse' ? core.createSSEParser() : core.createNDJSONParser();
  const events = [];
  await drainStream(
    bodyStream(pieces).pipeThrough(new TextDecoderStream()).pipeThrough(parser),
    (event) => events.push(event),
  );
  return events;
}

/** The JSON payloads of a stream: SSE `data:` (the `[DONE]` sentinel aside) or NDJSON lines. */
export function jsonPayloads(wire, events) {
  if (wire.framing === 'ndjson') return wire.text.split('\n').filter((line) => line.trim() !== '');
  return events.map((event) => event.data).filter((data) => data !== '[DONE]');
}

/** JSON.parse of every payload; returns how many. */
export function parseJsonOnly(payloads) {
  for (const payload of payloads) JSON.parse(payload);
  return payloads.length;
}

/**
 * Runs a definition's stream transformer over `events` synchronously, as the engine's stage
 * would; returns how many ChatChunks it produced. A vendor error in the stream is thrown.
 */
export async function runTransformer(definition, context, events) {
  const made = definition.createStreamTransformer(context);
  let count = 0;
  const controller = {
    desiredSize: 1,
    enqueue: () => {
      count += 1;
    },
    error: (reason) => {
      throw reason;
    },
    terminate: () => {},
  };
  if (made instanceof TransformStream) throw new Error('a TransformStream stage: not measurable');
  await made.start?.(controller);
  for (const event of events) {
    const pending = made.transform?.(event, controller);
    if (pending !== undefined) await pending;
  }
  await made.flush?.(controller);
  return count;
}
