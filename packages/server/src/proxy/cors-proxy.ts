import { createHash, X509Certificate } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { Agent, type Dispatcher, errors as undiciErrors } from 'undici';
import {
  checkTargetUrl,
  createGuardedLookup,
  type Resolver,
  SSRFError,
  type TargetPolicy,
} from '../security/ssrf-guard.js';
import type { ConfigStorage, ProxyTarget } from '../storage/config-storage.js';
import { filterResponseHeaders } from './headers.js';
import { watchIdle } from './idle-watchdog.js';
import { ProxyError } from './proxy-error.js';
import { type VendorProfile, vendorProfile } from './vendors.js';

/** One place requests can be forwarded to. */
export interface ProxyRoute {
  /** `openai`, `anthropic`, `google`, or a custom id. */
  id: string;
  /** Provider type (decides key header and usage format). */
  provider: string;
  /** Upstream origin, e.g. `https://api.openai.com`. */
  origin: string;
  /** Path prefix of the upstream base URL (`''` for vendor routes). */
  basePath: string;
  profile: VendorProfile;
  /** Custom targets go through the SSRF guard; vendor origins are trusted operator config. */
  guarded: boolean;
  dispatcher: Dispatcher;
}

/** A request to forward: headers already filtered, body already read and checked. */
export interface ForwardInput {
  routeId: string;
  method: string;
  /** The path after the route prefix, already normalised. */
  path: string;
  /** `?…` or `''`. */
  search: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  signal: AbortSignal;
}

/** The upstream's answer, body still streaming. */
export interface ForwardResult {
  status: number;
  /** Allow-listed response headers. */
  headers: Record<string, string>;
  contentType: string;
  body: Readable;
  /** Call per body chunk received: restarts the idle timer (see `watchIdle`). */
  touch: () => void;
  /** Milliseconds from sending to the upstream's response headers. */
  upstreamMs: number;
}

/** Options of the proxy. */
export interface CORSProxyOptions {
  upstreams: Record<'openai' | 'anthropic' | 'google', string>;
  policy: TargetPolicy;
  /** Milliseconds to wait for response headers. */
  firstByteTimeoutMs: number;
  /** Milliseconds without body data before giving up. */
  idleTimeoutMs: number;
  /** SPKI SHA-256 pins (base64) by host name. */
  certificatePins?: Record<string, string[]>;
  /**
   * Certificate authorities (PEM) trusted for vendor origins instead of Node's bundled roots
   * (a private CA in front of the vendor; tests). Default: the bundled roots.
   */
  certificateAuthorities?: string[];
  /** Persists custom targets (omit for in-memory only). */
  storage?: ConfigStorage;
  /** DNS resolver for custom targets (tests). */
  resolver?: Resolver;
}

function splitBaseUrl(url: URL): { origin: string; basePath: string } {
  return { origin: url.origin, basePath: url.pathname.replace(/\/+$/, '') };
}

/** The upstream's certificate key matches none of the SPKI pins configured for its host. */
export class CertificatePinError extends Error {
  readonly code = 'certificate_pin_mismatch';
  constructor(host: string) {
    super(`The certificate of ${host} does not match its pinned public key`);
    this.name = 'CertificatePinError';
  }
}

/**
 * Node's host name check, then the pins: base64 SHA-256 of the DER SubjectPublicKeyInfo, the form `openssl … -pubkey | openssl pkey -pubin -outform der |
 * openssl dgst -sha256 -binary | base64` prints. A pinned host with no matching key is refused.
 */
function pinnedIdentityCheck(pins: Record<string, string[]>) {
  return (host: string, certificate: PeerCertificate): Error | undefined => {
    const standard = checkServerIdentity(host, certificate);
    if (standard) return standard;
    const expected = pins[host];
    if (!expected || expected.length === 0) return undefined;
    // `certificate.pubkey` is the SPKI only for RSA (for EC keys it is the bare point), so the
    // SPKI is re-encoded from the certificate itself; this runs once per TLS handshake.
    let spki: Buffer;
    try {
      spki = new X509Certificate(certificate.raw).publicKey.export({ type: 'spki', format: 'der' });
    } catch {
      return new CertificatePinError(host);
    }
    const pin = createHash('sha256').update(spki).digest('base64');
    return expected.includes(pin) ? undefined : new CertificatePinError(host);
  };
}

function causedBy<T>(error: unknown, type: new (...parameters: never[]) => T): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (current instanceof type) return true;
    current = current.cause;
  }
  return false;
}

/**
 * The CORS proxy's forwarding core: vendor routes (`openai`, `anthropic`, `google`) and custom
 * targets registered with `createProxy`. Uses undici directly: bodies stream without buffering,
 * an aborted signal cancels the upstream, custom targets connect only to checked addresses.
 */
export class CORSProxy {
  private readonly routes = new Map<string, ProxyRoute>();
  private readonly vendorAgent: Agent;
  private readonly options: CORSProxyOptions;

  constructor(options: CORSProxyOptions) {
    this.options = options;
    const pins = options.certificatePins ?? {};
    const connect: { checkServerIdentity?: ReturnType<typeof pinnedIdentityCheck>; ca?: string[] } =
      {};
    if (Object.keys(pins).length > 0) connect.checkServerIdentity = pinnedIdentityCheck(pins);
    if (options.certificateAuthorities) connect.ca = options.certificateAuthorities;
    this.vendorAgent = new Agent({ keepAliveTimeout: 30_000, connections: null, connect });
    for (const provider of ['openai', 'anthropic', 'google'] as const) {
      const { origin, basePath } = splitBaseUrl(new URL(options.upstreams[provider]));
      this.routes.set(provider, {
        id: provider,
        provider,
        origin,
        basePath,
        profile: vendorProfile(provider),
        guarded: false,
        dispatcher: this.vendorAgent,
      });
    }
  }

  /** Loads the custom targets saved in storage. */
  async restore(): Promise<void> {
    for (const target of (await this.options.storage?.listProxyTargets()) ?? []) {
      try {
        this.register(target);
      } catch {
        // A target the current policy refuses stays stored but is not served.
      }
    }
  }

  /** The route for `id`, if any. */
  route(id: string): ProxyRoute | undefined {
    return this.routes.get(id);
  }

  /** Custom targets currently served. */
  listProxies(): ProxyTarget[] {
    return [...this.routes.values()]
      .filter((route) => route.guarded)
      .map((route) => ({
        id: route.id,
        provider: route.provider,
        baseUrl: `${route.origin}${route.basePath}`,
      }));
  }

  private register(target: ProxyTarget): ProxyRoute {
    if (
      !/^[A-Za-z0-9_-]{1,64}$/.test(target.id) ||
      ['openai', 'anthropic', 'google'].includes(target.id)
    ) {
      throw new ProxyError(400, 'invalid_request', 'A proxy id is 1–64 letters, digits, _ or -');
    }
    let url: URL;
    try {
      url = checkTargetUrl(target.baseUrl, this.options.policy);
    } catch (error) {
      throw new ProxyError(
        400,
        'ssrf_blocked',
        error instanceof Error ? error.message : 'Invalid target',
      );
    }
    const previous = this.routes.get(target.id);
    if (previous) void previous.dispatcher.close();
    const route: ProxyRoute = {
      id: target.id,
      provider: target.provider,
      ...splitBaseUrl(url),
      profile: vendorProfile(target.format ?? target.provider),
      guarded: true,
      dispatcher: new Agent({
        keepAliveTimeout: 30_000,
        connect: { lookup: createGuardedLookup(this.options.policy, this.options.resolver) },
      }),
    };
    this.routes.set(target.id, route);
    return route;
  }

  /** Registers (or replaces) a custom target after the SSRF checks; persists it. */
  async createProxy(
    provider: string,
    config: { id: string; baseUrl: string; format?: string },
  ): Promise<ProxyTarget> {
    const target: ProxyTarget = { id: config.id, provider, baseUrl: config.baseUrl };
    if (config.format !== undefined) target.format = config.format;
    this.register(target);
    await this.options.storage?.saveProxyTarget(target);
    return target;
  }

  /** Removes a custom target; true when there was one. */
  async destroyProxy(id: string): Promise<boolean> {
    const route = this.routes.get(id);
    if (!route?.guarded) return false;
    this.routes.delete(id);
    await route.dispatcher.close();
    await this.options.storage?.deleteProxyTarget(id);
    return true;
  }

  /** Sends one request upstream and returns as soon as response headers arrive. */
  async forwardRequest(input: ForwardInput): Promise<ForwardResult> {
    const route = this.routes.get(input.routeId);
    if (!route) throw new ProxyError(404, 'not_found', 'Unknown proxy route');
    const started = performance.now();
    // A precise first-byte timer of our own (undici's header timer ticks in half seconds). undici
    // takes an EventEmitter as its abort signal: the caller's abort and the timer both fire it,
    // without a second AbortController per request.
    const abort = new EventEmitter();
    const forwardAbort = () => abort.emit('abort');
    input.signal.addEventListener('abort', forwardAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      forwardAbort();
    }, this.options.firstByteTimeoutMs);
    let response: Dispatcher.ResponseData;
    try {
      if (input.signal.aborted)
        throw new ProxyError(499, 'aborted', 'The client closed the request');
      response = await route.dispatcher.request({
        origin: route.origin,
        path: `${route.basePath}${input.path}${input.search}`,
        method: input.method as Dispatcher.HttpMethod,
        headers: { ...input.headers, 'accept-encoding': 'identity' },
        body: input.body,
        signal: abort,
        headersTimeout: 0,
        // Idle time is watched by `watchIdle` (precise to the millisecond, backpressure-aware).
        bodyTimeout: 0,
      });
    } catch (error) {
      input.signal.removeEventListener('abort', forwardAbort);
      throw this.translateError(error, input.signal, timedOut);
    } finally {
      clearTimeout(timer);
    }
    const upstreamMs = performance.now() - started;
    const touch = watchIdle(response.body, this.options.idleTimeoutMs);
    const headers = filterResponseHeaders(response.headers);
    const location = response.headers.location;
    if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
      const target = new URL(location, `${route.origin}${route.basePath}${input.path}`);
      const sameOrigin = target.origin === route.origin;
      if (!sameOrigin) {
        try {
          checkTargetUrl(target.href, this.options.policy);
        } catch {
          response.body.dump().catch(() => {});
          throw new ProxyError(
            502,
            'redirect_blocked',
            'The upstream redirected to a target that is not allowed',
          );
        }
      }
      headers.location = target.href;
    }
    const contentType = headers['content-type'] ?? '';
    return {
      status: response.statusCode,
      headers,
      contentType,
      body: response.body,
      touch,
      upstreamMs,
    };
  }

  private translateError(error: unknown, signal: AbortSignal, timedOut: boolean): ProxyError {
    if (timedOut) return new ProxyError(504, 'timeout', 'The upstream did not answer in time');
    if (signal.aborted) return new ProxyError(499, 'aborted', 'The client closed the request');
    if (causedBy(error, CertificatePinError)) {
      return new ProxyError(
        502,
        'certificate_pin_mismatch',
        "The upstream's certificate does not match the pinned public key",
      );
    }
    if (
      error instanceof SSRFError ||
      (error instanceof Error && error.cause instanceof SSRFError)
    ) {
      return new ProxyError(
        403,
        'ssrf_blocked',
        'The target resolves to an address that is not allowed',
      );
    }
    if (error instanceof undiciErrors.HeadersTimeoutError) {
      return new ProxyError(504, 'timeout', 'The upstream did not answer in time');
    }
    if (error instanceof undiciErrors.BodyTimeoutError) {
      return new ProxyError(504, 'timeout', 'The upstream stopped sending');
    }
    return new ProxyError(502, 'network_error', 'The upstream could not be reached');
  }

  /** Closes every upstream connection. */
  async close(): Promise<void> {
    const closing = [this.vendorAgent.close()];
    for (const route of this.routes.values())
      if (route.guarded) closing.push(route.dispatcher.close());
    await Promise.allSettled(closing);
  }
}
