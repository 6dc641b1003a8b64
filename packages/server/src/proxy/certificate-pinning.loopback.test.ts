import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestGateway, type TestGateway } from '../../test/helpers/gateway.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** A self-signed P-256 certificate for 127.0.0.1, made for this run (nothing stored in the repo). */
function selfSignedCertificate(): { key: string; cert: string } {
  const directory = mkdtempSync(join(tmpdir(), 'tbc-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(directory, 'key.pem'),
        '-out',
        join(directory, 'cert.pem'),
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    return {
      key: readFileSync(join(directory, 'key.pem'), 'utf8'),
      cert: readFileSync(join(directory, 'cert.pem'), 'utf8'),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo: the pin format. */
function spkiPin(certificate: string): string {
  const spki = new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

// Certificates are generated with the openssl CLI; without it these tests cannot run.
describe.skipIf(!hasOpenssl())('certificate pinning toward a vendor origin over HTTPS', () => {
  let tls: { key: string; cert: string };
  let upstream: Server;
  let origin: string;
  const received: string[] = [];

  beforeAll(async () => {
    tls = selfSignedCertificate();
    upstream = createServer(tls, (request, response) => {
      received.push(`${request.method} ${request.url}`);
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data: [] }));
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    origin = `https://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  });

  async function gatewayPinning(pins: string[]): Promise<TestGateway> {
    return createTestGateway(
      origin,
      { certificatePins: { '127.0.0.1': pins }, logRequests: false },
      { certificateAuthorities: [tls.cert] },
    );
  }

  async function listModels(gateway: TestGateway) {
    const response = await gateway.app.request('/api/proxy/openai/v1/models', {
      headers: { authorization: 'Bearer sk-test-pinning-0000000000' },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it('forwards when one of the pins matches the upstream key', async () => {
    const gateway = await gatewayPinning([
      'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
      spkiPin(tls.cert),
    ]);
    try {
      received.length = 0;
      expect(await listModels(gateway)).toEqual({
        status: 200,
        body: { object: 'list', data: [] },
      });
      expect(received).toEqual(['GET /v1/models']);
    } finally {
      await gateway.close();
    }
  });

  it('refuses a key matching no pin with a typed error, forwarding nothing', async () => {
    const gateway = await gatewayPinning([createHash('sha256').update('other').digest('base64')]);
    try {
      received.length = 0;
      const { status, body } = await listModels(gateway);
      expect(status).toBe(502);
      expect(body).toEqual({
        error: {
          message: "The upstream's certificate does not match the pinned public key",
          type: 'certificate_pin_mismatch',
          code: 'certificate_pin_mismatch',
        },
      });
      expect(received).toEqual([]);
      gateway.context.usageRecorder.flush();
      expect(
        gateway.context.usageStore.query({ from: 0, to: Number.MAX_SAFE_INTEGER }),
      ).toMatchObject([{ status: 502, errorType: 'certificate_pin_mismatch' }]);
    } finally {
      await gateway.close();
    }
  });

  it('still checks the chain: without the CA the pin alone does not make a certificate trusted', async () => {
    const gateway = await createTestGateway(origin, {
      certificatePins: { '127.0.0.1': [spkiPin(tls.cert)] },
      logRequests: false,
    });
    try {
      received.length = 0;
      const { status, body } = await listModels(gateway);
      expect(status).toBe(502);
      expect(body).toMatchObject({ error: { type: 'network_error' } });
      expect(received).toEqual([]);
    } finally {
      await gateway.close();
    }
  });
});
