import { afterEach, describe, expect, it } from 'vitest';
import { createTestGateway, TEST_ADMIN_TOKEN, type TestGateway } from '../test/helpers/gateway.js';

let gateway: TestGateway | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

describe('createApp body limit', () => {
  it('answers 413 payload_too_large on /v1 and /api/admin past bodyLimitBytes', async () => {
    gateway = await createTestGateway('http://127.0.0.1:9', { bodyLimitBytes: 1000 });
    const { key } = gateway.context.gatewayKeys.create({ name: 'k' });
    const big = JSON.stringify({
      model: 'openai/gpt-4.1-mini',
      messages: [{ role: 'user', content: 'x'.repeat(5000) }],
    });
    const requests = [
      { path: '/v1/chat/completions', authorization: `Bearer ${key}` },
      { path: '/api/admin/gateway-keys', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    ];
    for (const { path, authorization } of requests) {
      const response = await gateway.app.request(path, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: big,
      });
      expect(response.status, path).toBe(413);
      expect(await response.json()).toEqual({
        error: {
          message: 'The request body is larger than 1000 bytes',
          type: 'payload_too_large',
          code: 'payload_too_large',
        },
      });
    }
    const small = await gateway.app.request('/api/admin/gateway-keys', {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'fits' }),
    });
    expect(small.status).toBeLessThan(300);
  });
});
