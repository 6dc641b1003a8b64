import type { MiddlewareHandler } from 'hono';
import type { GatewayContext } from '../gateway-context.js';
import type { GatewayEnvironment } from './bindings.js';

/** Requires `Authorization: Bearer <admin token>`; answers 401 otherwise. */
export function requireAdminToken(context: GatewayContext): MiddlewareHandler<GatewayEnvironment> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.replace(/^Bearer\s+/i, '').trim();
    if (!context.adminToken.verify(token)) {
      return c.json(
        {
          error: {
            message: 'A valid admin token is required',
            type: 'auth_failed',
            code: 'auth_failed',
          },
        },
        401,
      );
    }
    await next();
  };
}

/** A 400 answer in the gateway's error shape. */
export function invalidRequest(message: string): Response {
  return Response.json(
    { error: { message, type: 'invalid_request', code: 'invalid_request' } },
    { status: 400 },
  );
}
