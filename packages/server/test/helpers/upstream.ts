import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the test upstream received. */
export interface UpstreamRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A loopback HTTP server standing in for a vendor API in proxy tests. */
export interface TestUpstream {
  origin: string;
  requests: UpstreamRequest[];
  /** Resolves when a client connection closes before the response finished. */
  aborted: Promise<void>;
  close(): Promise<void>;
}

/** Starts an upstream whose answers come from `handle` (called after the body is read). */
export async function startUpstream(
  handle: (request: UpstreamRequest, response: ServerResponse) => void | Promise<void>,
): Promise<TestUpstream> {
  const requests: UpstreamRequest[] = [];
  let markAborted: () => void = () => {};
  const aborted = new Promise<void>((resolve) => {
    markAborted = resolve;
  });
  const server: Server = createServer((incoming, response) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const request: UpstreamRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      response.on('close', () => {
        if (!response.writableFinished) markAborted();
      });
      void handle(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    aborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers JSON. */
export function sendJSON(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(text);
}
