import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ScriptedTurn } from './script.js';

/** A request the simulator received, for assertions. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body, or `undefined` when there was none or it was not JSON. */
  body: unknown;
  /** Raw body text. */
  rawBody: string;
  /** Set when the client went away before the simulator finished answering. */
  aborted: boolean;
}

/** Context a vendor handler gets for one request. */
export interface HandlerContext {
  request: IncomingMessage;
  response: ServerResponse;
  recorded: RecordedRequest;
  url: URL;
  /** The next scripted turn (the default turn when the queue is empty). */
  nextTurn(): ScriptedTurn;
  /** Waits `ms` milliseconds (resolves early with false when the client has gone). */
  wait(ms: number): Promise<boolean>;
  /** Writes and waits for drain (backpressure); false when the client has gone. */
  write(chunk: string): Promise<boolean>;
}

/** Options every simulator takes. */
export interface SimulatorOptions {
  /** Loopback port (default: a free one). */
  port?: number;
  /** The one key the simulator accepts; any other key gets the vendor's auth error. Default `test-key`. */
  apiKey?: string;
  /** Turns answered in order; after they run out, `defaultTurn` answers. */
  script?: ScriptedTurn[];
  /** Default `{ text: 'Hello from the simulator.' }`. */
  defaultTurn?: ScriptedTurn;
}

/** A running simulator. */
export interface Simulator {
  /** Origin, e.g. `http://127.0.0.1:40123`. */
  readonly origin: string;
  /** Base URL to give the vendor SDK or adapter (vendor-specific, e.g. `${origin}/v1`). */
  readonly baseUrl: string;
  /** Every request received, oldest first. */
  readonly requests: RecordedRequest[];
  /** The key it accepts. */
  readonly apiKey: string;
  /** Appends turns to the script. */
  enqueue(...turns: ScriptedTurn[]): void;
  /** Clears the script queue and the request log. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts a loopback HTTP server that hands each request to `handle` with a script queue.
 * Vendor simulators are built on this.
 */
export async function startSimulatorServer(
  options: SimulatorOptions,
  basePath: string,
  handle: (context: HandlerContext) => Promise<void>,
): Promise<Simulator> {
  const queue: ScriptedTurn[] = [...(options.script ?? [])];
  const defaultTurn = options.defaultTurn ?? { text: 'Hello from the simulator.' };
  const requests: RecordedRequest[] = [];

  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody === '' ? undefined : JSON.parse(rawBody);
      } catch {
        body = undefined;
      }
      const recorded: RecordedRequest = {
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        headers: { ...request.headers },
        body,
        rawBody,
        aborted: false,
      };
      requests.push(recorded);
      let gone = false;
      response.on('close', () => {
        if (!response.writableFinished) {
          gone = true;
          recorded.aborted = true;
        }
      });
      const context: HandlerContext = {
        request,
        response,
        recorded,
        url: new URL(request.url ?? '/', 'http://localhost'),
        nextTurn: () => queue.shift() ?? defaultTurn,
        wait: (ms) =>
          new Promise((resolve) => {
            if (gone) return resolve(false);
            const onClose = () => {
              clearTimeout(timer);
              resolve(false);
            };
            // The listener goes with the timer, so a long stream of waits does not pile them up.
            const timer = setTimeout(() => {
              response.off('close', onClose);
              resolve(!gone);
            }, ms);
            response.once('close', onClose);
          }),
        write: (chunk) =>
          new Promise((resolve) => {
            if (gone || response.destroyed) return resolve(false);
            if (response.write(chunk)) return resolve(true);
            response.once('drain', () => resolve(!gone));
          }),
      };
      handle(context).catch((error: unknown) => {
        if (!response.headersSent) {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: { message: String(error) } }));
        } else {
          response.destroy();
        }
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    baseUrl: origin + basePath,
    requests,
    apiKey: options.apiKey ?? 'test-key',
    enqueue: (...turns) => {
      queue.push(...turns);
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON body with a status and headers. */
export function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  statusText?: string,
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const allHeaders = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  };
  if (statusText === undefined) response.writeHead(status, allHeaders);
  else response.writeHead(status, statusText, allHeaders);
  response.end(text);
}
