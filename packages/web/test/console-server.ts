import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import type { GatewayServer } from '@thinkbackcode/server';
import {
  readWebConsoleFile,
  WEB_CONSOLE_HEADERS,
  type WebConsoleDirectories,
} from '../src/node/assets.js';

/** The gateway and the console on one loopback origin. */
export interface ConsoleServer {
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves `gateway` on 127.0.0.1 (random port) with the console's files mounted in front of it,
 * the way the gateway serves them at `/`: GET requests for a console file get the file with the
 * console's headers (strict CSP), everything else goes to the gateway's Hono app.
 */
export async function serveConsoleWithGateway(
  gateway: GatewayServer,
  directories: WebConsoleDirectories,
): Promise<ConsoleServer> {
  const server: ServerType = await new Promise((resolve, reject) => {
    const instance = serve(
      {
        hostname: '127.0.0.1',
        port: 0,
        fetch: async (request, bindings) => {
          if (request.method === 'GET') {
            const file = await readWebConsoleFile(new URL(request.url).pathname, directories);
            if (file) {
              return new Response(file.body, {
                headers: { 'content-type': file.contentType, ...WEB_CONSOLE_HEADERS },
              });
            }
          }
          return gateway.app.fetch(request, bindings);
        },
      },
      () => resolve(instance),
    );
    instance.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
