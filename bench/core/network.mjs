// A stand-in for the network: the wire bytes cut once into 1–4 KiB pieces at arbitrary offsets
// (inside events, inside CRLF pairs, inside multi-byte characters), replayed as a fresh
// `ReadableStream` for every run, one piece per pull as a socket delivers them.
import { createRandom } from './script.mjs';

/**
 * Encodes `text` and cuts it into pieces of `minimum`–`maximum` bytes.
 * @returns {Uint8Array[]}
 */
export function cutIntoPieces(text, { minimum = 1024, maximum = 4096, seed = 7 } = {}) {
  const bytes = new TextEncoder().encode(text);
  const random = createRandom(seed);
  const pieces = [];
  for (let start = 0; start < bytes.length; ) {
    const size = minimum + Math.floor(random() * (maximum - minimum + 1));
    pieces.push(bytes.subarray(start, start + size));
    start += size;
  }
  return pieces;
}

/** A body stream that hands out `pieces` one per read. */
export function bodyStream(pieces) {
  let next = 0;
  return new ReadableStream(
    {
      pull(controller) {
        if (next < pieces.length) controller.enqueue(pieces[next++]);
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}

/** A `fetch` that answers every call with a 200 streaming `pieces` (no socket, no network). */
export function replayFetch(pieces, contentType) {
  return async () =>
    new Response(bodyStream(pieces), { status: 200, headers: { 'content-type': contentType } });
}
