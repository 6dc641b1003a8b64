import type { Context, Hono } from 'hono';
import type { GatewayContext } from '../gateway-context.js';
import { redact } from '../logging/redact.js';
import { ProxyError } from '../proxy/proxy-error.js';
import type { StoredProviderConfig } from '../storage/config-storage.js';
import type { GatewayKeyOptions } from '../storage/gateway-key-store.js';
import { invalidRequest, requireAdminToken } from './admin-auth.js';
import type { GatewayEnvironment } from './bindings.js';

const providerTypes = new Set([
  'openai',
  'anthropic',
  'google',
  'ollama',
  'lmstudio',
  'custom',
  'thinkbackcode',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJSON(c: Context<GatewayEnvironment>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

/** Checks an admin-API provider config (the core `ProviderConfig` shape). */
function parseProviderConfig(value: unknown): StoredProviderConfig | string {
  if (!isRecord(value)) return 'The body must be a provider config object';
  if (typeof value.provider !== 'string' || !providerTypes.has(value.provider)) {
    return `provider must be one of ${[...providerTypes].join(', ')}`;
  }
  for (const field of ['id', 'apiKey', 'baseUrl', 'name', 'defaultModel'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string')
      return `${field} must be a string`;
  }
  if (value.id !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(value.id as string)) {
    return 'id must be 1–64 letters, digits, _, . or -';
  }
  if (value.fetch !== undefined) return 'fetch cannot be configured';
  return value as StoredProviderConfig;
}

function parseGatewayKeyOptions(value: unknown): GatewayKeyOptions | string {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name.trim() === '') {
    return 'name is required';
  }
  const options: GatewayKeyOptions = { name: value.name.trim() };
  if (value.allowedModels !== undefined) {
    if (
      !Array.isArray(value.allowedModels) ||
      !value.allowedModels.every((item) => typeof item === 'string')
    ) {
      return 'allowedModels must be a list of strings';
    }
    options.allowedModels = value.allowedModels as string[];
  }
  for (const field of ['requestsPerMinute', 'tokensPerMinute'] as const) {
    const limit = value[field];
    if (limit === undefined) continue;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
      return `${field} must be a whole number`;
    options[field] = limit;
  }
  if (value.expiresAt !== undefined) {
    const expiresAt =
      typeof value.expiresAt === 'string' ? Date.parse(value.expiresAt) : value.expiresAt;
    if (typeof expiresAt !== 'number' || !Number.isFinite(expiresAt))
      return 'expiresAt must be a date';
    options.expiresAt = expiresAt;
  }
  return options;
}

/** Checks a provider config against its vendor: `{ ok, error? }`, the error redacted. */
export type ConnectionTester = (
  config: StoredProviderConfig,
) => Promise<{ ok: boolean; error?: string }>;

/**
 * Admin API (admin token): providers (keys write-only, listed masked), settings, gateway keys
 * (shown once), custom proxies and `testConnection`.
 */
export function registerAdminRoutes(
  app: Hono<GatewayEnvironment>,
  context: GatewayContext,
  testConnection: ConnectionTester,
): void {
  app.use('/api/admin/*', requireAdminToken(context));

  app.get('/api/admin/providers', async (c) =>
    c.json({ providers: await context.configStorage.listProviderConfigs() }),
  );
  app.post('/api/admin/providers', async (c) => {
    const config = parseProviderConfig(await readJSON(c));
    if (typeof config === 'string') return invalidRequest(config);
    const id = await context.configStorage.saveProviderConfig(config);
    await context.providersChanged();
    const listed = (await context.configStorage.listProviderConfigs()).find(
      (item) => item.id === id,
    );
    return c.json(listed, 201);
  });
  app.delete('/api/admin/providers/:id', async (c) => {
    const deleted = await context.configStorage.deleteProviderConfig(c.req.param('id'));
    await context.providersChanged();
    return deleted
      ? c.body(null, 204)
      : c.json({ error: { message: 'No such provider', type: 'not_found' } }, 404);
  });
  app.post('/api/admin/providers/test', async (c) => {
    const config = parseProviderConfig(await readJSON(c));
    if (typeof config === 'string') return invalidRequest(config);
    return c.json(await testConnection(config));
  });
  app.post('/api/admin/providers/:id/test', async (c) => {
    const config = await context.configStorage.loadProviderConfig(c.req.param('id'));
    if (!config) return c.json({ error: { message: 'No such provider', type: 'not_found' } }, 404);
    return c.json(await testConnection(config));
  });

  app.get('/api/admin/settings', async (c) =>
    c.json(await context.configStorage.loadGlobalSettings()),
  );
  app.put('/api/admin/settings', async (c) => {
    const body = await readJSON(c);
    if (!isRecord(body)) return invalidRequest('The body must be a settings object');
    if (
      body.allowedOrigins !== undefined &&
      (!Array.isArray(body.allowedOrigins) ||
        !body.allowedOrigins.every((item) => typeof item === 'string'))
    ) {
      return invalidRequest('allowedOrigins must be a list of strings');
    }
    if (body.requireGatewayKey !== undefined && typeof body.requireGatewayKey !== 'boolean') {
      return invalidRequest('requireGatewayKey must be true or false');
    }
    if (body.modelAliases !== undefined && !isRecord(body.modelAliases)) {
      return invalidRequest('modelAliases must be an object');
    }
    await context.configStorage.saveGlobalSettings(body);
    await context.reloadSettings();
    return c.json(await context.configStorage.loadGlobalSettings());
  });

  app.get('/api/admin/gateway-keys', (c) => c.json({ keys: context.gatewayKeys.list() }));
  app.post('/api/admin/gateway-keys', async (c) => {
    const options = parseGatewayKeyOptions(await readJSON(c));
    if (typeof options === 'string') return invalidRequest(options);
    const { id, key, record } = context.gatewayKeys.create(options);
    return c.json({ ...record, id, key }, 201);
  });
  app.delete('/api/admin/gateway-keys/:id', (c) =>
    context.gatewayKeys.revoke(c.req.param('id'))
      ? c.body(null, 204)
      : c.json({ error: { message: 'No such active key', type: 'not_found' } }, 404),
  );

  app.get('/api/admin/proxies', (c) => c.json({ proxies: context.proxy.listProxies() }));
  app.post('/api/admin/proxies', async (c) => {
    const body = await readJSON(c);
    if (
      !isRecord(body) ||
      typeof body.id !== 'string' ||
      typeof body.baseUrl !== 'string' ||
      typeof body.provider !== 'string'
    ) {
      return invalidRequest('id, provider and baseUrl are required strings');
    }
    try {
      const target = await context.proxy.createProxy(body.provider, {
        id: body.id,
        baseUrl: body.baseUrl,
        ...(typeof body.format === 'string' ? { format: body.format } : {}),
      });
      return c.json(target, 201);
    } catch (error) {
      if (error instanceof ProxyError)
        return new Response(redact(error.toBody()), {
          status: error.status,
          headers: { 'content-type': 'application/json' },
        });
      throw error;
    }
  });
  app.delete('/api/admin/proxies/:id', async (c) =>
    (await context.proxy.destroyProxy(c.req.param('id')))
      ? c.body(null, 204)
      : c.json({ error: { message: 'No such proxy', type: 'not_found' } }, 404),
  );
}
