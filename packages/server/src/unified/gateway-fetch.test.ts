import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUpstream, type TestUpstream } from '../../test/helpers/upstream.js';
import { createGatewayFetch, type GatewayFetch } from './gateway-fetch.js';

let upstream: TestUpstream;
let gateway: GatewayFetch;
beforeAll(async () => {
  upstream = await startUpstream((request, response) => {
    if (request.url === '/json') {
      response.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req_1' });
      response.end(JSON.stringify({ echo: request.body, method: request.method }));
    } else if (request.url === '/gzip') {
      response.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      response.end(gzipSync(JSON.stringify({ compressed: true })));
    } else if (request.url === '/redirect') {
      response.writeHead(307, { location: '/json' });
      response.end();
    } else if (request.url === '/stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
      setTimeout(() => response.end('data: 2\n\n'), 10);
    } else if (request.url === '/hang') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: 1\n\n');
    } else {
      response.writeHead(204);
      response.end();
    }
  });
  gateway = createGatewayFetch();
});
afterAll(async () => {
  await gateway.close();
  await upstream.close();
});

describe('createGatewayFetch', () => {
  it('sends method, headers and body and answers like fetch (status, headers, json)', async () => {
    const response = await gateway.fetch(`${upstream.origin}/json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
      body: '{"a":1}',
    });
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('req_1');
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ echo: '{"a":1}', method: 'POST' });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    const sent = upstream.requests.at(-1);
    expect(sent?.headers['x-custom']).toBe('yes');
    expect(sent?.headers['content-type']).toBe('application/json');
  });

  it('decodes gzip bodies, follows redirects, and has no body for 204', async () => {
    expect(await (await gateway.fetch(`${upstream.origin}/gzip`)).json()).toEqual({
      compressed: true,
    });
    const redirected = await gateway.fetch(`${upstream.origin}/redirect`, {
      method: 'POST',
      body: 'again',
    });
    expect(redirected.status).toBe(201);
    expect(await redirected.json()).toEqual({ echo: 'again', method: 'POST' });
    const empty = await gateway.fetch(new URL(`${upstream.origin}/empty`));
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe('');
  });

  it('streams a body as a web stream as it arrives', async () => {
    const response = await gateway.fetch(`${upstream.origin}/stream`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).toBe('data: 1\n\ndata: 2\n\n');
  });

  it('rejects on abort, before and during the body', async () => {
    const before = new AbortController();
    before.abort();
    await expect(
      gateway.fetch(`${upstream.origin}/json`, { signal: before.signal }),
    ).rejects.toThrow();
    const during = new AbortController();
    const response = await gateway.fetch(`${upstream.origin}/hang`, { signal: during.signal });
    const reading = response.text();
    during.abort();
    await expect(reading).rejects.toThrow();
  });
});
