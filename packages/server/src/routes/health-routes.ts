import type { Hono } from 'hono';
import type { GatewayEnvironment } from './bindings.js';

/** `GET /healthz`: `{ status: 'ok' }` while serving, 503 `{ status: 'draining' }` during shutdown. */
export function registerHealthRoutes(
  app: Hono<GatewayEnvironment>,
  isDraining: () => boolean,
): void {
  app.get('/healthz', (c) =>
    isDraining() ? c.json({ status: 'draining' }, 503) : c.json({ status: 'ok' }),
  );
}
