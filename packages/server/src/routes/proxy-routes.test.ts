import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/helpers/gateway.js';
import { sendJSON, startUpstream, type TestUpstream } from '../../test/helpers/upstream.js';

const plantedKey = 'sk-planted0123456789abcdefPLANTED';
const chatBody = JSON.stringify({
  model: 'gpt-4.1-mini',
  messages: [{ role: 'user', content: 'hi' }],
});
const usageBody = {
  id: 'chatcmpl-1',
  model: 'gpt-4.1-mini',
  choices: [],
  usage: {
    prompt_tokens: 1000,
    completion_tokens: 500,
    prompt_tokens_details: { cached_tokens: 200 },
    completion_tokens_details: { reasoning_tokens: 100 },
  },
};

let upstream: TestUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startUpstream((request, response) => {
    if (request.url.startsWith('/v1/echo-key')) {
      sendJSON(response, 401, {
        error: { message: `Incorrect API key provided: ${request.headers.authorization}` },
      });
      return;
    }
    sendJSON(response, 200, usageBody, {
      'set-cookie': 'session=upstream; HttpOnly',
      'x-internal-trace': 'abc',
      'openai-organization': 'org-secret',
      'x-ratelimit-remaining-requests': '99',
      'x-request-id': 'req_1',
    });
  });
  gateway = await createTestGateway(upstream.origin, {
    allowedOrigins: ['https://app.example.com'],
    rateLimit: { requestsPerMinute: 1000, tokensPerMinute: 0 },
  });
});

afterEach(async () => {
  await gateway.close();
  await upstream.close();
});

function post(path: string, headers: Record<string, string> = {}, body: string = chatBody) {
  return gateway.app.request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${plantedKey}`,
      ...headers,
    },
    body,
  });
}

function usageRows() {
  gateway.context.usageRecorder.flush();
  return gateway.context.usageStore.query({ from: 0, to: Number.MAX_SAFE_INTEGER });
}

describe('proxy routes', () => {
  it('forwards path, query, key and allow-listed headers; drops cookies, forwarding headers and origin', async () => {
    const response = await post('/api/proxy/openai/v1/chat/completions?x=1', {
      origin: 'https://app.example.com',
      cookie: 'session=browser',
      'x-forwarded-for': '10.1.2.3',
      forwarded: 'for=10.1.2.3',
      'x-custom': 'nope',
      'anthropic-version': '2023-06-01',
    });
    expect(response.status).toBe(200);
    const [received] = upstream.requests;
    expect(received?.url).toBe('/v1/chat/completions?x=1');
    expect(received?.body).toBe(chatBody);
    expect(received?.headers.authorization).toBe(`Bearer ${plantedKey}`);
    expect(received?.headers['anthropic-version']).toBe('2023-06-01');
    expect(received?.headers.host).toBe(new URL(upstream.origin).host);
    for (const name of ['cookie', 'x-forwarded-for', 'forwarded', 'origin', 'x-custom']) {
      expect(received?.headers[name]).toBeUndefined();
    }
  });

  it('filters the response: no set-cookie or vendor internals, CORS for the allowed origin, Server-Timing', async () => {
    const response = await post('/api/proxy/openai/v1/chat/completions', {
      origin: 'https://app.example.com',
    });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-internal-trace')).toBeNull();
    expect(response.headers.get('openai-organization')).toBeNull();
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('99');
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('vary')).toContain('Origin');
    expect(response.headers.get('server-timing')).toMatch(
      /^gateway;dur=\d+\.\d\d, upstream;dur=\d+\.\d\d$/,
    );
    expect(await response.json()).toEqual(usageBody);
  });

  it('sends proxied answers with nosniff and a sandboxing CSP, success or error', async () => {
    const ok = await post('/api/proxy/openai/v1/chat/completions');
    const failed = await post('/api/proxy/openai/v1/echo-key');
    for (const response of [ok, failed]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
      await response.text();
    }
  });

  it('answers a disallowed origin with 403 and forwards nothing', async () => {
    const response = await post('/api/proxy/openai/v1/chat/completions', {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { type: 'forbidden_origin' } });
    expect(upstream.requests).toHaveLength(0);
    expect(usageRows()).toMatchObject([{ status: 403, errorType: 'forbidden_origin' }]);
  });

  it('stores and logs at most 128 characters of a caller-supplied model, origin and route id', async () => {
    const hugeModel = 'm'.repeat(5 * 1024 * 1024);
    const hugeOrigin = `https://${'o'.repeat(8 * 1024)}.example`;
    const refused = await post('/api/proxy/openai/v1/chat/completions', { origin: hugeOrigin });
    expect(refused.status).toBe(403);
    const failed = await post(
      '/api/proxy/openai/v1/echo-key',
      {},
      JSON.stringify({ model: hugeModel, messages: [] }),
    );
    expect(failed.status).toBe(401);
    const unknown = await post(`/api/proxy/custom/${'c'.repeat(4000)}/v1/chat/completions`);
    expect(unknown.status).toBe(404);
    const rows = usageRows();
    expect(rows).toHaveLength(3);
    const origins = rows.map((row) => row.origin ?? '');
    expect(origins.some((origin) => origin.startsWith('https://ooo'))).toBe(true);
    for (const row of rows) {
      expect(row.origin?.length ?? 0).toBeLessThanOrEqual(128);
      expect(row.model?.length ?? 0).toBeLessThanOrEqual(128);
      expect(row.provider.length).toBeLessThanOrEqual(128);
    }
    expect(rows.find((row) => row.status === 401)?.model).toBe('m'.repeat(128));
    expect(rows.find((row) => row.status === 404)).toMatchObject({
      route: 'proxy:custom',
      provider: 'custom',
    });
    expect(gateway.logLines).toHaveLength(3);
    for (const line of gateway.logLines) expect(line.length).toBeLessThan(2000);
  });

  it('records refusals of one client only up to a per-minute budget', async () => {
    for (let index = 0; index < 70; index++) {
      const response = await post('/api/proxy/openai/v1/chat/completions', {
        origin: 'https://evil.example',
      });
      expect(response.status).toBe(403);
    }
    expect(usageRows()).toHaveLength(60);
    expect(gateway.logLines).toHaveLength(60);
    // Admitted requests are still recorded past the refusal budget.
    const admitted = await post('/api/proxy/openai/v1/chat/completions');
    expect(admitted.status).toBe(200);
    await admitted.text();
    expect(usageRows()).toHaveLength(61);
  });

  it('answers a preflight from the allow-list without forwarding', async () => {
    const response = await gateway.app.request('/api/proxy/anthropic/v1/messages', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'x-api-key, content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-api-key');
    expect(response.headers.get('vary')).toContain('Origin');
    expect(upstream.requests).toHaveLength(0);
    const refused = await gateway.app.request('/api/proxy/anthropic/v1/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
  });

  it('never reflects credentials for the * allow-list', async () => {
    await gateway.context.configStorage.saveGlobalSettings({ allowedOrigins: ['*'] });
    await gateway.context.reloadSettings();
    const response = await post('/api/proxy/openai/v1/chat/completions', {
      origin: 'https://any.example',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://any.example');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const listed = await gateway.app.request('/api/proxy/openai/v1/models', {
      headers: { origin: 'https://app.example.com' },
    });
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
  });

  it('answers 429 with Retry-After and RateLimit headers once the bucket is empty', async () => {
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, {
      rateLimit: { requestsPerMinute: 2, tokensPerMinute: 0 },
    });
    const first = await post('/api/proxy/openai/v1/chat/completions');
    expect(first.headers.get('ratelimit-limit')).toBe('2');
    expect(first.headers.get('ratelimit-remaining')).toBe('1');
    await post('/api/proxy/openai/v1/chat/completions');
    const limited = await post('/api/proxy/openai/v1/chat/completions');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(30);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(upstream.requests).toHaveLength(2);
    // Another route has its own bucket.
    expect((await post('/api/proxy/anthropic/v1/messages')).status).toBe(200);
  });

  it('limits tokens per minute from the usage the responses report', async () => {
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, {
      rateLimit: { requestsPerMinute: 0, tokensPerMinute: 1000 },
    });
    const first = await post('/api/proxy/openai/v1/chat/completions');
    expect(first.status).toBe(200);
    await first.text();
    // 1,500 tokens charged against 1,000 per minute: in debt for 30 seconds.
    const limited = await post('/api/proxy/openai/v1/chat/completions');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
  });

  it('asks an OpenAI-format stream for its usage when a tokens-per-minute limit applies', async () => {
    const streaming = '{"model":"gpt-4.1-mini","stream":true,"messages":[]}';
    await (await post('/api/proxy/openai/v1/chat/completions', {}, streaming)).text();
    // Without a token limit the body travels byte for byte.
    expect(upstream.requests.at(-1)?.body).toBe(streaming);
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, {
      rateLimit: { requestsPerMinute: 0, tokensPerMinute: 100_000 },
    });
    await (await post('/api/proxy/openai/v1/chat/completions', {}, streaming)).text();
    expect(JSON.parse(upstream.requests.at(-1)?.body ?? '{}')).toEqual({
      model: 'gpt-4.1-mini',
      stream: true,
      messages: [],
      stream_options: { include_usage: true },
    });
    const asked = '{"model":"gpt-4.1-mini","stream":true,"stream_options":{"include_usage":true}}';
    await (await post('/api/proxy/openai/v1/chat/completions', {}, asked)).text();
    expect(upstream.requests.at(-1)?.body).toBe(asked);
  });

  it('refuses oversized bodies, malformed JSON and paths that leave the API', async () => {
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, { bodyLimitBytes: 100 });
    expect((await post('/api/proxy/openai/v1/chat/completions', {}, 'x'.repeat(101))).status).toBe(
      413,
    );
    expect((await post('/api/proxy/openai/v1/chat/completions', {}, '{"model":')).status).toBe(400);
    const traversal = await post('/api/proxy/openai/v1/%2e%2e%2fadmin', {}, '{}');
    expect(traversal.status).toBe(400);
    expect(upstream.requests).toHaveLength(0);
    expect(usageRows().map((row) => row.errorType)).toEqual([
      'payload_too_large',
      'invalid_request',
      'invalid_request',
    ]);
  });

  it('keeps a planted key out of error bodies, log lines and usage rows', async () => {
    const response = await post('/api/proxy/openai/v1/echo-key');
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).toContain('Incorrect API key provided');
    expect(text).not.toContain(plantedKey);
    expect(text).not.toContain(plantedKey.slice(3, 20));
    await (await post('/api/proxy/openai/v1/chat/completions')).text();
    const google = await gateway.app.request(
      `/api/proxy/google/v1beta/models/gemini-2.5-flash:generateContent?key=${plantedKey}`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    await google.text();
    expect(upstream.requests[2]?.url).toContain(`key=${plantedKey}`);
    const rows = usageRows();
    expect(rows).toHaveLength(3);
    expect(JSON.stringify(rows)).not.toContain(plantedKey);
    expect(gateway.logLines).toHaveLength(3);
    expect(gateway.logLines.join('\n')).not.toContain(plantedKey);
    // The key is known only by a hash prefix, the same for every request.
    expect(new Set(rows.map((row) => row.caller)).size).toBe(1);
    expect(rows[0]?.caller).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('records one usage row per request with the exact tokens and the estimated cost', async () => {
    const response = await post('/api/proxy/openai/v1/chat/completions', {
      origin: 'https://app.example.com',
    });
    await response.json();
    const [row, ...rest] = usageRows();
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({
      route: 'proxy:openai',
      provider: 'openai',
      model: 'gpt-4.1-mini',
      origin: 'https://app.example.com',
      status: 200,
      promptTokens: 1000,
      completionTokens: 500,
      cachedTokens: 200,
      reasoningTokens: 100,
    });
    // gpt-4.1-mini: 800 × $0.40 + 200 × $0.10 + 500 × $1.60 per million.
    expect(row?.cost).toBeCloseTo((800 * 0.4 + 200 * 0.1 + 500 * 1.6) / 1e6, 12);
    expect(row?.errorType).toBeUndefined();
  });

  it('swaps a gateway key for the server-held key and never forwards the gateway key', async () => {
    await gateway.context.configStorage.saveProviderConfig({
      provider: 'anthropic',
      apiKey: 'sk-ant-server-held-0123456789',
    });
    const { key, id } = gateway.context.gatewayKeys.create({ name: 'ci' });
    const response = await gateway.app.request('/api/proxy/anthropic/v1/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: '{"model":"claude-haiku-4-5"}',
    });
    expect(response.status).toBe(200);
    await response.text();
    const [received] = upstream.requests;
    expect(received?.headers['x-api-key']).toBe('sk-ant-server-held-0123456789');
    expect(JSON.stringify(received?.headers)).not.toContain(key);
    expect(usageRows()[0]?.caller).toBe(id);

    const invalid = await post('/api/proxy/anthropic/v1/messages', {
      authorization: 'Bearer tbc_not-a-real-key',
    });
    expect(invalid.status).toBe(401);
    const noServerKey = await gateway.app.request('/api/proxy/google/v1beta/models', {
      headers: { 'x-thinkbackcode-key': key },
    });
    expect(noServerKey.status).toBe(401);
    expect(upstream.requests).toHaveLength(1);
  });

  it('holds a model-limited gateway key on the server-held key to its models', async () => {
    await gateway.context.configStorage.saveProviderConfig({
      provider: 'openai',
      apiKey: 'sk-server-held-openai-0123456789',
    });
    await gateway.context.configStorage.saveProviderConfig({
      provider: 'google',
      apiKey: 'AIza-server-held-google-0123456789',
    });
    const { key } = gateway.context.gatewayKeys.create({
      name: 'cheap',
      allowedModels: ['openai/gpt-4.1-mini', 'google/gemini-2.5-flash'],
    });
    const send = (path: string, body: string | undefined, contentType = 'application/json') =>
      gateway.app.request(path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': contentType, 'x-thinkbackcode-key': key },
        ...(body === undefined ? {} : { body }),
      });
    const statuses = async (path: string, body: string | undefined, contentType?: string) => {
      const response = await send(path, body, contentType);
      await response.text();
      return response.status;
    };

    expect(await statuses('/api/proxy/openai/v1/chat/completions', chatBody)).toBe(200);
    const costly = JSON.stringify({ model: 'o3-pro' });
    expect(await statuses('/api/proxy/openai/v1/chat/completions', costly)).toBe(403);
    expect(await statuses('/api/proxy/openai/v1/chat/completions', costly, 'text/plain')).toBe(403);
    const batch = JSON.stringify({ input_file_id: 'file-x', completion_window: '24h' });
    expect(await statuses('/api/proxy/openai/v1/batches', batch)).toBe(403);
    const multipart = '--b\r\nContent-Disposition: form-data; name="model"\r\n\r\nwhisper\r\n--b--';
    expect(
      await statuses(
        '/api/proxy/openai/v1/audio/transcriptions',
        multipart,
        'multipart/form-data; boundary=b',
      ),
    ).toBe(403);
    expect(await statuses('/api/proxy/openai/v1/models', undefined)).toBe(200);

    const gemini = '/api/proxy/google/v1beta/models';
    const contents = JSON.stringify({ contents: [] });
    expect(await statuses(`${gemini}/gemini-2.5-pro:generateContent`, contents)).toBe(403);
    const disguised = JSON.stringify({ model: 'gemini-2.5-flash', contents: [] });
    expect(await statuses(`${gemini}/gemini-2.5-pro:generateContent`, disguised)).toBe(403);
    expect(await statuses(`${gemini}/gemini-2.5-flash:generateContent`, disguised)).toBe(200);
    expect(await statuses(`${gemini}/gemini-2.5-flash:generateContent`, contents)).toBe(200);
    expect(upstream.requests.map((request) => request.url)).toEqual([
      '/v1/chat/completions',
      '/v1/models',
      '/v1beta/models/gemini-2.5-flash:generateContent',
      '/v1beta/models/gemini-2.5-flash:generateContent',
    ]);
  });

  it('injects a server-held key only on the upstream its config was stored for', async () => {
    const { key } = gateway.context.gatewayKeys.create({ name: 'ci' });
    const send = async (path: string) => {
      const response = await gateway.app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-thinkbackcode-key': key },
        body: '{"model":"claude-haiku-4-5"}',
      });
      await response.text();
      return response.status;
    };
    // A config stored under the id `anthropic` but of another type, or for another host.
    await gateway.context.configStorage.saveProviderConfig({
      id: 'anthropic',
      provider: 'openai',
      apiKey: 'sk-openai-under-anthropic-0123456789',
    });
    await gateway.context.providersChanged();
    expect(await send('/api/proxy/anthropic/v1/messages')).toBe(401);
    await gateway.context.configStorage.saveProviderConfig({
      id: 'anthropic',
      provider: 'anthropic',
      apiKey: 'sk-ant-for-elsewhere-0123456789',
      baseUrl: 'https://api.elsewhere.example',
    });
    await gateway.context.providersChanged();
    expect(await send('/api/proxy/anthropic/v1/messages')).toBe(401);
    await gateway.context.configStorage.saveProviderConfig({
      id: 'anthropic',
      provider: 'anthropic',
      apiKey: 'sk-ant-right-upstream-0123456789',
      baseUrl: `${upstream.origin}/v1`,
    });
    await gateway.context.providersChanged();
    expect(await send('/api/proxy/anthropic/v1/messages')).toBe(200);
    expect(upstream.requests.map((request) => request.headers['x-api-key'])).toEqual([
      'sk-ant-right-upstream-0123456789',
    ]);
  });

  it('requires a gateway key from callers without Origin when configured', async () => {
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, { requireGatewayKey: true });
    expect((await post('/api/proxy/openai/v1/chat/completions')).status).toBe(401);
    const { key } = gateway.context.gatewayKeys.create({ name: 'server' });
    const allowed = await post('/api/proxy/openai/v1/chat/completions', {
      'x-thinkbackcode-key': key,
    });
    expect(allowed.status).toBe(200);
    expect(upstream.requests[0]?.headers.authorization).toBe(`Bearer ${plantedKey}`);
  });

  it('does not take an allowed Origin for a gateway key when one is required', async () => {
    await gateway.close();
    gateway = await createTestGateway(upstream.origin, {
      requireGatewayKey: true,
      allowedOrigins: ['https://app.example.com'],
    });
    await gateway.context.configStorage.saveProviderConfig({
      provider: 'openai',
      apiKey: 'sk-server-held-openai-0123456789',
    });
    const origin = 'https://app.example.com';
    const keyless = await post('/api/proxy/openai/v1/chat/completions', {
      origin,
      authorization: '',
    });
    expect(keyless.status).toBe(401);
    const ownKey = await post('/api/proxy/openai/v1/chat/completions', { origin });
    expect(ownKey.status).toBe(200);
    await ownKey.text();
    expect(upstream.requests.map((request) => request.headers.authorization)).toEqual([
      `Bearer ${plantedKey}`,
    ]);
  });

  it('answers 504 timeout when the upstream is too slow to answer', async () => {
    await gateway.close();
    const slow = await startUpstream(async (_request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      sendJSON(response, 200, {});
    });
    gateway = await createTestGateway(slow.origin, { firstByteTimeoutMs: 50 });
    const response = await post('/api/proxy/openai/v1/chat/completions');
    expect(response.status).toBe(504);
    expect(await response.json()).toMatchObject({ error: { type: 'timeout' } });
    await slow.close();
  });
});
