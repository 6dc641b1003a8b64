import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/helpers/gateway.js';

describe('web console routes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await createTestGateway('http://127.0.0.1:9');
  });
  afterAll(() => gateway.close());

  it('serves the console page at / with a strict content security policy', async () => {
    const response = await gateway.app.request('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<script type="module"');
  });

  it('serves its script and styles but nothing outside its folders', async () => {
    expect((await gateway.app.request('/main.js')).headers.get('content-type')).toContain(
      'javascript',
    );
    expect((await gateway.app.request('/styles.css')).status).toBe(200);
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/.env', '/missing.js']) {
      const response = await gateway.app.request(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });

  it('leaves the API routes as they were', async () => {
    expect((await gateway.app.request('/healthz')).status).toBe(200);
    expect((await gateway.app.request('/v1/models')).status).toBe(401);
    expect((await gateway.app.request('/api/admin/providers')).status).toBe(401);
  });
});

describe('Server-Timing', () => {
  it('is on every answer, including errors and the console', async () => {
    const gateway = await createTestGateway('http://127.0.0.1:9');
    try {
      for (const path of ['/', '/healthz', '/v1/models', '/api/admin/providers', '/nope']) {
        const response = await gateway.app.request(path);
        expect(response.headers.get('server-timing'), path).toMatch(/^gateway;dur=\d/);
      }
    } finally {
      await gateway.close();
    }
  });
});
