import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../test/helpers/gateway.js';
import { startUpstream, type TestUpstream } from '../../test/helpers/upstream.js';
import { defaultServerConfig, type ServerConfig } from '../config/server-config.js';
import { type RunningServer, startServer } from '../start-server.js';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function upstreamOf(handler: Parameters<typeof startUpstream>[0]): Promise<TestUpstream> {
  const upstream = await startUpstream(handler);
  opened.push(upstream);
  return upstream;
}

async function start(upstream: TestUpstream, overrides: Partial<ServerConfig> = {}) {
  const config: ServerConfig = {
    ...defaultServerConfig(),
    port: 0,
    dataDir: ':memory:',
    adminToken: TEST_ADMIN_TOKEN,
    logRequests: false,
    usageFlushIntervalMs: 60_000,
    upstreams: { openai: upstream.origin, anthropic: upstream.origin, google: upstream.origin },
    ...overrides,
  };
  const running: RunningServer = await startServer({ config });
  opened.push({ close: () => running.close(100) });
  return running;
}

function rows(running: RunningServer) {
  running.gateway.context.usageRecorder.flush();
  return running.gateway.context.usageStore.query({ from: 0, to: Number.MAX_SAFE_INTEGER });
}

const streamRequest = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-0000000000000000' },
  body: JSON.stringify({ model: 'gpt-4.1-mini', stream: true }),
};

describe('upstream idle timeout', () => {
  it('aborts a stream whose upstream stops sending, within the idle time, and records a timeout', async () => {
    const idleTimeoutMs = 150;
    const upstream = await upstreamOf((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"choices":[{"delta":{"content":"first"}}]}\n\n');
      // …and nothing more: the connection stays open, silent.
    });
    const running = await start(upstream, { idleTimeoutMs });
    const response = await fetch(
      `${running.url}/api/proxy/openai/v1/chat/completions`,
      streamRequest,
    );
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('first');
    const silentSince = performance.now();
    // The gateway cuts the response: the client sees the stream fail, not end cleanly.
    await expect(
      (async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {}
      })(),
    ).rejects.toThrow();
    const waited = performance.now() - silentSince;
    expect(waited).toBeGreaterThanOrEqual(idleTimeoutMs - 20);
    expect(waited).toBeLessThan(idleTimeoutMs + 400);
    await upstream.aborted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows(running)).toMatchObject([{ status: 200, errorType: 'timeout' }]);
  });

  it('lets a slow stream through when every pause is shorter than the idle time', async () => {
    const upstream = await upstreamOf(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let index = 0; index < 4; index += 1) {
        response.write(`data: {"choices":[{"delta":{"content":"${index}"}}]}\n\n`);
        await new Promise((resolve) => setTimeout(resolve, 60));
      }
      response.end('data: [DONE]\n\n');
    });
    const running = await start(upstream, { idleTimeoutMs: 200 });
    const response = await fetch(
      `${running.url}/api/proxy/openai/v1/chat/completions`,
      streamRequest,
    );
    expect(await response.text()).toContain('data: [DONE]');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const [row] = rows(running);
    expect(row?.errorType).toBeUndefined();
  });
});

describe('redirects toward forbidden targets', () => {
  function redirectingUpstream(location: string) {
    return upstreamOf((_request, response) => {
      response.writeHead(307, { location, 'content-type': 'text/plain' });
      response.end('moved');
    });
  }

  const forbiddenLocations = [
    'http://169.254.169.254/latest/meta-data/',
    'http://2852039166/latest/meta-data/', // 169.254.169.254 in decimal
    'http://0xa9.0xfe.0xa9.0xfe/', // in hex
    'http://0251.0376.0251.0376/', // in octal
    'http://[::ffff:169.254.169.254]/', // IPv4-mapped IPv6
    'http://[fd00:ec2::254]/', // AWS IPv6 metadata
    'http://100.100.100.200/', // Alibaba metadata (CGNAT)
    'http://10.0.0.7/admin',
    'http://127.0.0.1:9/', // loopback on another port: another origin
    'http://[::1]/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'http://api.example.com/v1/models', // downgrade to plain http
    'file:///etc/passwd',
  ];

  it.each(forbiddenLocations)('a vendor route refuses a redirect to %s', async (location) => {
    const upstream = await redirectingUpstream(location);
    const running = await start(upstream);
    const response = await fetch(`${running.url}/api/proxy/openai/v1/models`, {
      headers: { authorization: 'Bearer sk-test-0000000000000000' },
      redirect: 'manual',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    const text = await response.text();
    expect(text).not.toContain(location);
    expect(JSON.parse(text)).toMatchObject({ error: { type: 'redirect_blocked' } });
    expect(upstream.requests).toHaveLength(1);
    expect(rows(running)).toMatchObject([{ status: 502, errorType: 'redirect_blocked' }]);
  });

  it('a custom local target (allowed by the operator) still may not redirect to metadata', async () => {
    const upstream = await redirectingUpstream('http://[::ffff:a9fe:a9fe]/latest/meta-data/');
    const running = await start(upstream, { allowLocalTargets: true });
    await running.gateway.context.proxy.createProxy('openai', {
      id: 'local-llm',
      baseUrl: `${upstream.origin}/v1`,
    });
    const response = await fetch(`${running.url}/api/proxy/custom/local-llm/models`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.json()).toMatchObject({ error: { type: 'redirect_blocked' } });
  });

  it('passes a redirect within the upstream origin, or to a public https target, to the client', async () => {
    const sameOrigin = await redirectingUpstream('/v1/models?page=2');
    const running = await start(sameOrigin);
    const response = await fetch(`${running.url}/api/proxy/openai/v1/models`, {
      headers: { authorization: 'Bearer sk-test-0000000000000000' },
      redirect: 'manual',
    });
    expect(response.status).toBe(307);
    expect(response.headers.get('location')).toBe(`${sameOrigin.origin}/v1/models?page=2`);

    const elsewhere = await redirectingUpstream('https://api.example.com/v1/models');
    const second = await start(elsewhere);
    const moved = await fetch(`${second.url}/api/proxy/openai/v1/models`, {
      headers: { authorization: 'Bearer sk-test-0000000000000000' },
      redirect: 'manual',
    });
    expect(moved.status).toBe(307);
    expect(moved.headers.get('location')).toBe('https://api.example.com/v1/models');
  });
});
