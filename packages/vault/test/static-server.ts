import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** A loopback HTTP server for a folder of ES modules, plus one in-memory HTML page. */
export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
};

/** Serves `directory` on 127.0.0.1 (random port) and `page` at `/index.html`. */
export async function serveDirectory(directory: string, page: string): Promise<StaticServer> {
  const root = normalize(directory + sep);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (path === '/index.html') {
      response.writeHead(200, { 'content-type': contentTypes['.html'] ?? 'text/html' });
      response.end(page);
      return;
    }
    const file = normalize(join(root, path));
    const extension = file.slice(file.lastIndexOf('.'));
    if (!file.startsWith(root) || contentTypes[extension] === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'content-type': contentTypes[extension] ?? 'text/plain' });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
