import type { FetchFunction } from '@thinkbackcode/core';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { GatewayContext } from './gateway-context.js';
import { serverTiming } from './proxy/server-timing.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAnalyticsRoutes } from './routes/analytics-routes.js';
import type { GatewayEnvironment } from './routes/bindings.js';
import { registerConsoleRoutes } from './routes/console-routes.js';
import { registerHealthRoutes } from './routes/health-routes.js';
import { registerProxyRoutes } from './routes/proxy-routes.js';
import { registerV1Routes } from './routes/v1-routes.js';
import { createConnectionTester, type ProviderFactory } from './unified/provider-factory.js';

/** Options of `createApp` besides the context. */
export interface AppOptions {
  /** True while the server drains for shutdown (health answers 503). */
  isDraining?: () => boolean;
  /** Makes core adapters for `/v1` and `testConnection` (absent: those answer 501 / not ok). */
  providerFactory?: ProviderFactory | undefined;
  /** The `fetch` `/v1` adapters send with (default: the global `fetch`). */
  providerFetch?: FetchFunction | undefined;
}

/** The gateway's Hono app over `context`; serve it with `startServer` or call `app.request()`. */
export function createApp(
  context: GatewayContext,
  options: AppOptions = {},
): Hono<GatewayEnvironment> {
  const app = new Hono<GatewayEnvironment>();
  // The proxy routes time themselves (gateway and upstream); registered first, they skip the
  // generic timing below, which gives every other answer its gateway time.
  registerProxyRoutes(app, context);
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (!c.res.headers.has('server-timing')) {
      c.res.headers.set('server-timing', serverTiming(performance.now() - started, undefined));
    }
  });
  // The proxy routes apply the body limit themselves while reading; these read through Hono.
  const limitBody: Parameters<typeof app.use>[1] = (c, next) => {
    const limit = context.config.bodyLimitBytes;
    return bodyLimit({
      maxSize: limit,
      onError: (refused) =>
        refused.json(
          {
            error: {
              message: `The request body is larger than ${limit} bytes`,
              type: 'payload_too_large',
              code: 'payload_too_large',
            },
          },
          413,
        ),
    })(c, next);
  };
  app.use('/v1/*', limitBody);
  app.use('/api/admin/*', limitBody);
  registerHealthRoutes(app, options.isDraining ?? (() => false));
  registerAnalyticsRoutes(app, context);
  registerAdminRoutes(app, context, createConnectionTester(options.providerFactory));
  registerV1Routes(app, context, options.providerFactory, options.providerFetch);
  registerConsoleRoutes(app);
  app.notFound((c) =>
    c.json({ error: { message: 'Not found', type: 'not_found', code: 'not_found' } }, 404),
  );
  app.onError((_error, c) =>
    c.json(
      { error: { message: 'The gateway failed', type: 'server_error', code: 'server_error' } },
      500,
    ),
  );
  return app;
}
