import { readWebConsoleFile, WEB_CONSOLE_HEADERS } from '@thinkbackcode/web';
import type { Hono } from 'hono';
import type { GatewayEnvironment } from './bindings.js';

/**
 * Serves the web console (`@thinkbackcode/web`) at `/`: only its own static files (html, css,
 * js, svg), with a strict CSP; anything else falls through to the API routes and the JSON 404.
 */
export function registerConsoleRoutes(app: Hono<GatewayEnvironment>): void {
  app.get('*', async (c, next) => {
    const file = await readWebConsoleFile(c.req.path);
    if (!file) return next();
    return c.body(file.body, 200, { 'content-type': file.contentType, ...WEB_CONSOLE_HEADERS });
  });
}
