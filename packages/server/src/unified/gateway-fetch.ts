import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { FetchFunction } from '@thinkbackcode/core';
import { Agent, type Dispatcher } from 'undici';

type HeaderInput = RequestInit['headers'];

function headerRecord(headers: HeaderInput): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  if (headers instanceof Headers) {
    headers.forEach((value, name) => {
      record[name] = value;
    });
  } else if (Array.isArray(headers)) {
    for (const [name, value] of headers)
      if (name !== undefined) record[name.toLowerCase()] = value ?? '';
  } else {
    for (const name of Object.keys(headers)) {
      const value = (headers as Record<string, string | undefined>)[name];
      if (value !== undefined) record[name.toLowerCase()] = value;
    }
  }
  return record;
}

function responseHeaders(headers: Dispatcher.ResponseData['headers']): Headers {
  const result = new Headers();
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (Array.isArray(value)) for (const item of value) result.append(name, item);
    else if (value !== undefined) result.append(name, value);
  }
  return result;
}

function decoded(body: Readable, encoding: string | null): Readable {
  switch (encoding?.trim().toLowerCase()) {
    case undefined:
    case '':
    case 'identity':
      return body;
    case 'gzip':
    case 'x-gzip':
      return body.pipe(createGunzip());
    case 'deflate':
      return body.pipe(createInflate());
    case 'br':
      return body.pipe(createBrotliDecompress());
    default:
      return body;
  }
}

/**
 * A `Response` over an undici body. `json()` and `text()` read the Node stream directly; only a
 * caller that asks for `body` (streaming) pays for a web stream, made on first access.
 */
class NodeBodyResponse extends Response {
  readonly #source: Readable;
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined;
  #used = false;

  constructor(source: Readable, init: ResponseInit) {
    super(null, init);
    this.#source = source;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> {
    this.#stream ??= Readable.toWeb(this.#source) as ReadableStream<Uint8Array<ArrayBuffer>>;
    return this.#stream;
  }

  override get bodyUsed(): boolean {
    return this.#used;
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  override async text(): Promise<string> {
    const source = this.#source as Readable & { text?: () => Promise<string> };
    if (typeof source.text === 'function' && !this.#used && !this.#stream) {
      // An undici body reads itself without an async iterator.
      this.#used = true;
      return source.text();
    }
    return (await this.#bytes()).toString('utf8');
  }

  override async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async #bytes(): Promise<Buffer> {
    if (this.#used || this.#stream) throw new TypeError('Body is unusable: already read');
    this.#used = true;
    const chunks: Buffer[] = [];
    for await (const chunk of this.#source) chunks.push(chunk as Buffer);
    return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  }
}

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/** A `fetch` for core adapters over one undici dispatcher, and a way to close its connections. */
export interface GatewayFetch {
  fetch: FetchFunction;
  close(): Promise<void>;
}

/**
 * A `fetch` for the core adapters behind `/v1` built on undici's `request` (WHATWG `fetch` costs
 * several times more per call): plain URL and string/bytes bodies, no redirects followed (a 3xx
 * is handed to the global `fetch`, which follows it), gzip/deflate/br decoded, the signal aborts
 * the exchange and the body. Anything else (a `Request` object, a stream body) falls back to the
 * global `fetch`.
 */
export function createGatewayFetch(
  dispatcher: Dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: null }),
): GatewayFetch {
  const fetch: FetchFunction = async (input, init = {}) => {
    const body = init.body ?? null;
    if (
      input instanceof Request ||
      (body !== null && typeof body !== 'string' && !(body instanceof Uint8Array))
    ) {
      return globalThis.fetch(input, init);
    }
    const url = typeof input === 'string' ? new URL(input) : input;
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = headerRecord(init.headers);
    headers['accept-encoding'] ??= 'gzip, deflate, br';
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
      signal: init.signal ?? null,
    });
    const status = response.statusCode;
    if (status >= 300 && status < 400 && response.headers.location && init.redirect !== 'manual') {
      response.body.dump().catch(() => {});
      return globalThis.fetch(input, init);
    }
    const headerList = responseHeaders(response.headers);
    if (nullBodyStatuses.has(status) || method === 'HEAD') {
      response.body.dump().catch(() => {});
      return new Response(null, { status, headers: headerList });
    }
    const source = decoded(response.body, headerList.get('content-encoding'));
    return new NodeBodyResponse(source, { status, headers: headerList });
  };
  return { fetch, close: () => dispatcher.close() };
}
