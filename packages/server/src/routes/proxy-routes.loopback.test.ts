import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../test/helpers/gateway.js';
import { sendJSON, startUpstream, type TestUpstream } from '../../test/helpers/upstream.js';
import { defaultServerConfig, type ServerConfig } from '../config/server-config.js';
import type { Resolver } from '../security/ssrf-guard.js';
import { type RunningServer, startServer } from '../start-server.js';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

async function start(
  upstream: TestUpstream,
  overrides: Partial<ServerConfig> = {},
  resolver?: Resolver,
) {
  const config: ServerConfig = {
    ...defaultServerConfig(),
    port: 0,
    dataDir: ':memory:',
    adminToken: TEST_ADMIN_TOKEN,
    logRequests: false,
    upstreams: { openai: upstream.origin, anthropic: upstream.origin, google: upstream.origin },
    ...overrides,
  };
  const running: RunningServer = await startServer({ config, ...(resolver ? { resolver } : {}) });
  opened.push({ close: () => running.close(100) });
  return running;
}

async function upstreamOf(handler: Parameters<typeof startUpstream>[0]) {
  const upstream = await startUpstream(handler);
  opened.push(upstream);
  return upstream;
}

function rows(running: RunningServer) {
  running.gateway.context.usageRecorder.flush();
  return running.gateway.context.usageStore.query({ from: 0, to: Number.MAX_SAFE_INTEGER });
}

describe('proxy routes on a real port', () => {
  it('passes stream chunks through as they arrive, without waiting for the end', async () => {
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const upstream = await upstreamOf(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {"choices":[{"delta":{"content":"first"}}]}\n\n');
      await released;
      response.write(
        'data: {"model":"gpt-4.1-mini","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2}}\n\n',
      );
      response.end('data: [DONE]\n\n');
    });
    const running = await start(upstream);
    const response = await fetch(`${running.url}/api/proxy/openai/v1/chat/completions`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer sk-test-0000000000000000',
      },
      body: JSON.stringify({ model: 'gpt-4.1-mini', stream: true }),
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('server-timing')).toMatch(/upstream;dur=/);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('first');
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value);
    }
    expect(rest).toContain('data: [DONE]');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows(running)).toMatchObject([
      { status: 200, model: 'gpt-4.1-mini', promptTokens: 3, completionTokens: 2 },
    ]);
    expect(rows(running)[0]?.errorType).toBeUndefined();
  });

  it('cancels the upstream when the client disconnects mid-stream and records the abort', async () => {
    const upstream = await upstreamOf((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(
        'event: message_start\ndata: {"type":"message_start","message":{"model":"claude-haiku-4-5","usage":{"input_tokens":42,"output_tokens":1}}}\n\n',
      );
      const timer = setInterval(() => response.write('event: ping\ndata: {"type":"ping"}\n\n'), 10);
      response.on('close', () => clearInterval(timer));
    });
    const running = await start(upstream);
    const controller = new AbortController();
    const response = await fetch(`${running.url}/api/proxy/anthropic/v1/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-test-000000000000' },
      body: JSON.stringify({ model: 'claude-haiku-4-5', stream: true }),
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    await upstream.aborted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows(running)).toMatchObject([
      {
        status: 200,
        errorType: 'aborted',
        promptTokens: 42,
        completionTokens: 1,
        model: 'claude-haiku-4-5',
      },
    ]);
  });

  it('cancels the upstream when the client disconnects before the upstream answered', async () => {
    const upstream = await upstreamOf(() => {
      // Never answers.
    });
    const running = await start(upstream);
    const controller = new AbortController();
    const pending = fetch(`${running.url}/api/proxy/openai/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: controller.signal,
    }).catch(() => undefined);
    while (upstream.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await pending;
    await upstream.aborted;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rows(running)).toMatchObject([{ status: 499, errorType: 'aborted' }]);
  });

  it('serves custom targets only after the SSRF checks, connecting to the checked address', async () => {
    const upstream = await upstreamOf((request, response) =>
      sendJSON(response, 200, { path: request.url }),
    );
    const port = new URL(upstream.origin).port;
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];

    const strict = await start(upstream, { allowInsecureTargets: true }, resolver);
    const proxy = strict.gateway.context.proxy;
    await expect(
      proxy.createProxy('openai', { id: 'loop', baseUrl: upstream.origin }),
    ).rejects.toThrow(/not allowed/);
    // A host name that resolves to loopback passes the URL check but is refused at connect time.
    await proxy.createProxy('openai', { id: 'rebind', baseUrl: `http://rebind.test:${port}/v1` });
    const refused = await fetch(`${strict.url}/api/proxy/custom/rebind/chat`, {
      method: 'POST',
      body: '{}',
    });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { type: 'ssrf_blocked' } });
    expect(upstream.requests).toHaveLength(0);
    // Vendor route ids are not custom routes.
    expect((await fetch(`${strict.url}/api/proxy/custom/openai/v1/models`)).status).toBe(404);

    const local = await start(
      upstream,
      { allowLocalTargets: true, allowInsecureTargets: true },
      resolver,
    );
    await local.gateway.context.proxy.createProxy('ollama', {
      id: 'box',
      baseUrl: `http://box.test:${port}/base`,
    });
    const served = await fetch(`${local.url}/api/proxy/custom/box/api/chat?x=1`, {
      method: 'POST',
      body: '{}',
    });
    expect(await served.json()).toEqual({ path: '/base/api/chat?x=1' });
    expect(await local.gateway.context.proxy.destroyProxy('box')).toBe(true);
    expect((await fetch(`${local.url}/api/proxy/custom/box/api/chat`)).status).toBe(404);
  });

  it('refuses a redirect from a custom target toward an internal address', async () => {
    const upstream = await upstreamOf((_request, response) => {
      response.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      response.end();
    });
    const running = await start(upstream, { allowLocalTargets: true });
    await running.gateway.context.proxy.createProxy('openai', {
      id: 'redirecting',
      baseUrl: upstream.origin,
    });
    const response = await fetch(`${running.url}/api/proxy/custom/redirecting/x`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { type: 'redirect_blocked' } });
  });
});
