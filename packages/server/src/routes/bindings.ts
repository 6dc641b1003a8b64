import type { HttpBindings } from '@hono/node-server';

/** Hono environment: Node bindings exist when served by `@hono/node-server`, not in `app.request()`. */
export interface GatewayEnvironment {
  Bindings: Partial<HttpBindings>;
}

/** The client's IP address, or `unknown` outside a Node server. */
export function clientAddress(bindings: Partial<HttpBindings> | undefined): string {
  return bindings?.incoming?.socket?.remoteAddress ?? 'unknown';
}
