import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestGateway,
  TEST_ADMIN_TOKEN,
  type TestGateway,
} from '../../test/helpers/gateway.js';

const serverKey = 'sk-server-held-key-0123456789abcdef';
let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway('http://127.0.0.1:9');
});
afterEach(() => gateway.close());

async function call(method: string, path: string, body?: unknown, token = TEST_ADMIN_TOKEN) {
  const response = await gateway.app.request(path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
  };
}

describe('admin API', () => {
  it('requires the admin token', async () => {
    expect((await call('GET', '/api/admin/providers', undefined, 'nope')).status).toBe(401);
  });

  it('stores provider keys write-only: masked in answers, encrypted at rest, usable by the gateway', async () => {
    const created = await call('POST', '/api/admin/providers', {
      provider: 'openai',
      apiKey: serverKey,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ provider: 'openai', id: 'openai', apiKeyHint: '…cdef' });
    const listed = await call('GET', '/api/admin/providers');
    expect(listed.text).not.toContain(serverKey);
    expect(listed.body).toEqual({
      providers: [{ provider: 'openai', id: 'openai', apiKeyHint: '…cdef' }],
    });
    expect(await gateway.context.serverKey('openai')).toBe(serverKey);
    // Updating without a key keeps the stored one.
    await call('POST', '/api/admin/providers', {
      provider: 'openai',
      defaultModel: 'gpt-4.1-mini',
    });
    expect((await gateway.context.configStorage.loadProviderConfig('openai'))?.apiKey).toBe(
      serverKey,
    );
    expect((await call('DELETE', '/api/admin/providers/openai')).status).toBe(204);
    expect(await gateway.context.serverKey('openai')).toBeUndefined();
    expect((await call('POST', '/api/admin/providers', { provider: 'nope' })).status).toBe(400);
  });

  it('shows a gateway key once, lists it masked and revokes it', async () => {
    const created = await call('POST', '/api/admin/gateway-keys', {
      name: 'ci',
      allowedModels: ['openai/gpt-4.1-mini'],
      requestsPerMinute: 10,
      expiresAt: '2999-01-01T00:00:00Z',
    });
    expect(created.status).toBe(201);
    const key = created.body?.key as string;
    expect(key).toMatch(/^tbc_[A-Za-z0-9_-]{32}$/);
    const listed = await call('GET', '/api/admin/gateway-keys');
    expect(listed.text).not.toContain(key);
    expect(listed.body?.keys).toMatchObject([
      { id: created.body?.id, name: 'ci', keyHint: `…${key.slice(-4)}`, requestsPerMinute: 10 },
    ]);
    expect(gateway.context.gatewayKeys.verify(key)?.id).toBe(created.body?.id);
    expect(
      (await call('DELETE', `/api/admin/gateway-keys/${created.body?.id as string}`)).status,
    ).toBe(204);
    expect(gateway.context.gatewayKeys.verify(key)).toBeNull();
    const expired = gateway.context.gatewayKeys.create({ name: 'old', expiresAt: Date.now() - 1 });
    expect(gateway.context.gatewayKeys.verify(expired.key)).toBeNull();
  });

  it('changes settings at run time', async () => {
    const before = await gateway.app.request('/api/proxy/openai/v1/models', {
      headers: { origin: 'https://new.example' },
    });
    expect(before.status).toBe(403);
    const saved = await call('PUT', '/api/admin/settings', {
      allowedOrigins: ['https://new.example'],
    });
    expect(saved.body).toEqual({ allowedOrigins: ['https://new.example'] });
    expect(gateway.context.originPolicy().allows('https://new.example')).toBe(true);
    expect((await call('PUT', '/api/admin/settings', { allowedOrigins: 'x' })).status).toBe(400);
  });

  it('creates custom proxies only for allowed targets', async () => {
    const refused = await call('POST', '/api/admin/proxies', {
      id: 'meta',
      provider: 'openai',
      baseUrl: 'http://169.254.169.254',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { type: 'ssrf_blocked' } });
    const created = await call('POST', '/api/admin/proxies', {
      id: 'vendor',
      provider: 'openai',
      baseUrl: 'https://api.example.com/v1',
    });
    expect(created.status).toBe(201);
    expect((await call('GET', '/api/admin/proxies')).body).toEqual({
      proxies: [{ id: 'vendor', provider: 'openai', baseUrl: 'https://api.example.com/v1' }],
    });
    expect(await gateway.context.configStorage.listProxyTargets()).toHaveLength(1);
    expect((await call('DELETE', '/api/admin/proxies/vendor')).status).toBe(204);
    expect(await gateway.context.configStorage.listProxyTargets()).toHaveLength(0);
  });

  it('tests a provider connection without leaking the key', async () => {
    const result = await call('POST', '/api/admin/providers/test', {
      provider: 'openai',
      apiKey: serverKey,
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    expect(result.body?.ok).toBe(false);
    expect(result.text).not.toContain(serverKey);
  });
});
