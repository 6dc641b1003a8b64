import type { IncomingMessage } from 'node:http';
import { ProxyError } from './proxy-error.js';

function tooLarge(limit: number): ProxyError {
  return new ProxyError(413, 'payload_too_large', `The request body is larger than ${limit} bytes`);
}

/** Reads a Node request body, refusing more than `limit` bytes (early, from `content-length`). */
export function readNodeBody(incoming: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(incoming.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge(limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    incoming.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        incoming.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    incoming.on('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    incoming.on('error', () =>
      reject(new ProxyError(499, 'aborted', 'The client closed the request')),
    );
  });
}

/** Reads a web request body with the same limit. */
export async function readWebBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of request.body) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** What the gateway reads from a JSON request body. */
export interface RequestBodyInfo {
  model?: string;
  stream: boolean;
  /** The parsed JSON object, when the body was one. */
  json?: Record<string, unknown>;
}

/** True when the first non-blank byte of `body` opens a JSON object. */
function looksLikeJSONObject(body: Uint8Array): boolean {
  for (const byte of body) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d) continue;
    return byte === 0x7b;
  }
  return false;
}

/**
 * Validates a JSON body (when the content type says JSON) and reads `model` and `stream`.
 * Throws `ProxyError` 400 on malformed JSON. A body sent under another content type is read
 * too when it parses as a JSON object (vendors may accept it as JSON: its model must be seen).
 */
export function inspectJSONBody(body: Uint8Array, contentType: string): RequestBodyInfo {
  const declaredJSON = contentType.includes('json');
  if (body.byteLength === 0 || (!declaredJSON && !looksLikeJSONObject(body))) {
    return { stream: false };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8'),
    );
  } catch {
    if (!declaredJSON) return { stream: false };
    throw new ProxyError(400, 'invalid_request', 'The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) return { stream: false };
  const fields = parsed as Record<string, unknown>;
  const info: RequestBodyInfo = { stream: fields.stream === true, json: fields };
  if (typeof fields.model === 'string') info.model = fields.model;
  return info;
}

/**
 * An OpenAI-format streaming body that does not ask for usage, re-encoded with
 * `stream_options.include_usage` on (so the stream ends with a usage chunk the gateway can
 * charge); `undefined` when the body needs no change.
 */
export function withStreamUsage(info: RequestBodyInfo): Uint8Array | undefined {
  if (!info.stream || info.json === undefined) return undefined;
  const options = info.json.stream_options;
  const current = typeof options === 'object' && options !== null ? options : {};
  if ((current as { include_usage?: unknown }).include_usage === true) return undefined;
  const body = { ...info.json, stream_options: { ...current, include_usage: true } };
  return Buffer.from(JSON.stringify(body), 'utf8');
}
