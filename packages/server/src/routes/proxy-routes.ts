import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, Hono } from 'hono';
import type { GatewayContext } from '../gateway-context.js';
import { capField } from '../logging/cap-field.js';
import { redact } from '../logging/redact.js';
import { type Caller, identifyCaller } from '../proxy/caller.js';
import { filterRequestHeaders, GATEWAY_KEY_HEADER } from '../proxy/headers.js';
import { isModelListing, requestedModel } from '../proxy/model-scope.js';
import { normaliseProxyPath, UnsafePathError } from '../proxy/path.js';
import { errorTypeForStatus, ProxyError } from '../proxy/proxy-error.js';
import {
  inspectJSONBody,
  readNodeBody,
  readWebBody,
  withStreamUsage,
} from '../proxy/request-body.js';
import { pumpToNode, pumpToWeb, type StreamOutcome } from '../proxy/response-sink.js';
import { serverTiming } from '../proxy/server-timing.js';
import { createUsageObserver } from '../proxy/usage-observer.js';
import type { ObservedUsage } from '../proxy/usage-readers.js';
import { corsHeaders, preflightHeaders } from '../security/cors.js';
import {
  type AppliedLimits,
  chargeTokens,
  checkRateLimits,
  RateLimitError,
} from '../security/rate-limit-check.js';
import { mayRecordRefusal } from '../security/refusal-budget.js';
import { estimateUsageCost } from '../usage/price-lookup.js';
import { clientAddress, type GatewayEnvironment } from './bindings.js';

const errorBodyLimit = 1024 * 1024;
/** Longest request path written to a log line. */
const pathLogLimit = 512;
const noUsage: ObservedUsage = {
  promptTokens: 0,
  completionTokens: 0,
  cachedTokens: 0,
  reasoningTokens: 0,
  reported: false,
};

/** Per-request facts collected for the usage row and the log line. */
interface RequestFacts {
  started: number;
  time: number;
  route: string;
  provider: string;
  path: string;
  method: string;
  origin: string | undefined;
  model?: string | undefined;
  caller?: Caller | undefined;
  limits?: AppliedLimits | undefined;
  upstreamMs?: number | undefined;
  /** True once the request passed the rate limits: failures before that are refusals. */
  admitted?: boolean;
}

function finishRequest(
  context: GatewayContext,
  facts: RequestFacts,
  status: number,
  errorType: string | undefined,
  usage: ObservedUsage,
  firstByteAt: number | undefined,
): void {
  const latencyMs = performance.now() - facts.started;
  const ttfbMs = firstByteAt === undefined ? undefined : firstByteAt - facts.started;
  const model = capField(usage.model ?? facts.model);
  const provider = capField(facts.provider);
  const origin = capField(facts.origin);
  const prices = model === undefined ? undefined : context.prices.price(provider, model);
  const cost = estimateUsageCost(usage, prices);
  context.usageRecorder.record({
    time: facts.time,
    route: facts.route,
    provider,
    model,
    caller: facts.caller?.usageId,
    origin,
    status,
    errorType,
    latencyMs,
    ttfbMs,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    cachedTokens: usage.cachedTokens,
    reasoningTokens: usage.reasoningTokens,
    cost,
  });
  if (facts.caller && facts.limits) {
    chargeTokens(
      context.rateLimits,
      `${facts.caller.rateLimitId}|${facts.route}`,
      facts.limits,
      usage.promptTokens + usage.completionTokens,
      Date.now(),
    );
  }
  if (context.config.logRequests) {
    context.logger.log({
      time: new Date(facts.time).toISOString(),
      method: facts.method,
      path: capField(facts.path, pathLogLimit),
      route: facts.route,
      provider,
      model,
      status,
      errorType,
      caller: facts.caller?.usageId,
      origin,
      latencyMs: Math.round(latencyMs * 100) / 100,
      upstreamMs:
        facts.upstreamMs === undefined ? undefined : Math.round(facts.upstreamMs * 100) / 100,
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
    });
  }
}

function splitUrl(raw: string): { path: string; search: string } {
  const index = raw.indexOf('?');
  return index === -1
    ? { path: raw, search: '' }
    : { path: raw.slice(0, index), search: raw.slice(index) };
}

async function readErrorBody(result: {
  body: NodeJS.ReadableStream;
  touch: () => void;
}): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of result.body) {
    result.touch();
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.byteLength;
    if (size > errorBodyLimit) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves one proxied request: origin check, preflight, caller identification (and server-held key
 * when a gateway key stands in for a vendor key), rate limits, body limit and JSON check, path
 * check, forwarding, then the body streamed back while usage is read from it.
 */
export async function handleProxyRequest(
  context: GatewayContext,
  c: Context<GatewayEnvironment>,
  routeId: string,
  prefix: string,
): Promise<Response> {
  const incoming = c.env?.incoming;
  const outgoing = c.env?.outgoing;
  const rawUrl = incoming?.url ?? `${new URL(c.req.url).pathname}${new URL(c.req.url).search}`;
  const { path: rawPath, search: rawSearch } = splitUrl(rawUrl);
  const origin = c.req.header('origin');
  const policy = context.originPolicy();
  const found = context.proxy.route(routeId);
  const route =
    found && found.guarded === prefix.startsWith('/api/proxy/custom/') ? found : undefined;
  const clientIp = clientAddress(c.env);
  const custom = prefix.startsWith('/api/proxy/custom/');
  const facts: RequestFacts = {
    started: performance.now(),
    time: context.now(),
    route: custom ? 'proxy:custom' : `proxy:${routeId}`,
    provider: route?.provider ?? (custom ? 'custom' : routeId),
    path: rawPath,
    method: c.req.method,
    origin,
  };
  let cors: Record<string, string> = { vary: 'Origin' };
  let rateHeaders: Record<string, string> = {};
  const secrets: string[] = [];
  try {
    if (origin !== undefined && !policy.allows(origin)) {
      throw new ProxyError(
        403,
        'forbidden_origin',
        'This origin is not allowed to use the gateway',
      );
    }
    cors = corsHeaders(policy, origin);
    if (c.req.method === 'OPTIONS' && origin !== undefined) {
      return new Response(null, { status: 204, headers: preflightHeaders(policy, origin) });
    }
    if (!route) throw new ProxyError(404, 'not_found', 'Unknown proxy route');
    let path: string;
    try {
      path = normaliseProxyPath(rawPath.slice(prefix.length));
    } catch (error) {
      if (error instanceof UnsafePathError)
        throw new ProxyError(400, 'invalid_request', error.message);
      throw error;
    }
    const headers = filterRequestHeaders(
      incoming ? Object.entries(incoming.headers) : c.req.raw.headers.entries(),
    );
    const gatewayHeader = c.req.header(GATEWAY_KEY_HEADER);
    if (gatewayHeader !== undefined) headers[GATEWAY_KEY_HEADER] = gatewayHeader;
    let search = rawSearch;
    let queryKey: string | undefined;
    if (search.includes('key=')) {
      const parameters = new URLSearchParams(search);
      queryKey = parameters.get('key') ?? undefined;
      if (queryKey?.startsWith('tbc_')) {
        parameters.delete('key');
        const rest = parameters.toString();
        search = rest === '' ? '' : `?${rest}`;
      }
    }
    const caller = identifyCaller(headers, queryKey, clientIp, context.gatewayKeys);
    facts.caller = caller;
    if (caller.vendorKey !== undefined) secrets.push(caller.vendorKey);
    // Origin is not authentication (any non-browser client can send it): with requireGatewayKey,
    // an allowed Origin only lets a browser app through with its caller's own vendor key.
    if (
      context.config.requireGatewayKey &&
      !caller.gatewayKey &&
      (origin === undefined || caller.vendorKey === undefined)
    ) {
      throw new ProxyError(401, 'auth_failed', 'This gateway requires a gateway key');
    }
    const usesServerKey = caller.vendorKey === undefined && caller.gatewayKey !== undefined;
    if (usesServerKey) {
      const key = await context.serverKey(route.id, route);
      if (key === undefined) {
        throw new ProxyError(
          401,
          'auth_failed',
          'No server-held key is configured for this provider',
        );
      }
      secrets.push(key);
      headers[route.profile.keyHeader] = `${route.profile.keyPrefix}${key}`;
    }
    facts.limits = {
      requestsPerMinute:
        caller.gatewayKey?.requestsPerMinute ?? context.config.rateLimit.requestsPerMinute,
      tokensPerMinute:
        caller.gatewayKey?.tokensPerMinute ?? context.config.rateLimit.tokensPerMinute,
    };
    rateHeaders = checkRateLimits(
      context.rateLimits,
      `${caller.rateLimitId}|${facts.route}`,
      facts.limits,
      Date.now(),
    );
    facts.admitted = true;

    const method = c.req.method;
    const body =
      method === 'GET' || method === 'HEAD'
        ? null
        : incoming
          ? await readNodeBody(incoming, context.config.bodyLimitBytes)
          : await readWebBody(c.req.raw, context.config.bodyLimitBytes);
    const info = body ? inspectJSONBody(body, headers['content-type'] ?? '') : { stream: false };
    const requested = requestedModel(route.profile.usageFormat, path, info.model);
    facts.model = requested.model;
    const allowed = caller.gatewayKey?.allowedModels;
    if (allowed) {
      if (requested.conflict) {
        throw new ProxyError(403, 'auth_failed', 'The body names another model than the path');
      }
      if (facts.model !== undefined && !allowed.includes(`${route.id}/${facts.model}`)) {
        throw new ProxyError(403, 'auth_failed', 'This gateway key may not use this model');
      }
      if (facts.model === undefined && usesServerKey && !isModelListing(method, path)) {
        throw new ProxyError(
          403,
          'auth_failed',
          'This gateway key is limited to some models and the model of this request is unknown',
        );
      }
    }

    // A tokens-per-minute limit needs the usage an OpenAI-format stream only reports on request.
    const forwardedBody =
      facts.limits.tokensPerMinute > 0 &&
      route.profile.usageFormat === 'openai' &&
      path.endsWith('/chat/completions')
        ? (withStreamUsage(info) ?? body)
        : body;

    const controller = new AbortController();
    const onClientGone = () => controller.abort();
    if (outgoing) outgoing.once('close', onClientGone);
    else c.req.raw.signal.addEventListener('abort', onClientGone, { once: true });
    const result = await context.proxy.forwardRequest({
      routeId: route.id,
      method,
      path,
      search,
      headers,
      body: forwardedBody,
      signal: controller.signal,
    });
    outgoing?.off('close', onClientGone);
    facts.upstreamMs = result.upstreamMs;
    // `result.headers` is a fresh object: the CORS and rate headers are added to it in place.
    const responseHeaders = Object.assign(result.headers, cors, rateHeaders);
    const timing = () =>
      serverTiming(performance.now() - facts.started - result.upstreamMs, result.upstreamMs);

    if (result.status >= 400) {
      const text = redact(await readErrorBody(result), secrets);
      responseHeaders['server-timing'] = timing();
      finishRequest(
        context,
        facts,
        result.status,
        errorTypeForStatus(result.status),
        noUsage,
        performance.now(),
      );
      return new Response(text, { status: result.status, headers: responseHeaders });
    }

    const observer = createUsageObserver(route.profile.usageFormat, result.contentType);
    const done = (outcome: StreamOutcome, firstByteAt: number | undefined) => {
      const errorType =
        outcome === 'complete'
          ? undefined
          : outcome === 'upstream_error'
            ? 'network_error'
            : outcome;
      finishRequest(context, facts, result.status, errorType, observer.finish(), firstByteAt);
    };
    const hooks = {
      observe: (chunk: Uint8Array) => {
        result.touch();
        observer.push(chunk);
      },
      abortUpstream: () => controller.abort(),
      done,
    };
    responseHeaders['server-timing'] = timing();
    if (outgoing) {
      const streaming =
        result.contentType.includes('event-stream') || result.contentType.includes('ndjson');
      pumpToNode(result.body, outgoing, result.status, responseHeaders, hooks, streaming);
      return RESPONSE_ALREADY_SENT;
    }
    return new Response(pumpToWeb(result.body, hooks), {
      status: result.status,
      headers: responseHeaders,
    });
  } catch (error) {
    const failure =
      error instanceof ProxyError
        ? error
        : new ProxyError(500, 'server_error', 'The gateway failed');
    const headers: Record<string, string> = {
      ...(failure.type === 'forbidden_origin' ? { vary: 'Origin' } : cors),
      ...rateHeaders,
      ...(error instanceof RateLimitError ? error.headers : {}),
      'content-type': 'application/json',
      'server-timing': serverTiming(
        performance.now() - facts.started - (facts.upstreamMs ?? 0),
        facts.upstreamMs,
      ),
    };
    if (facts.admitted || mayRecordRefusal(context.rateLimits, clientIp, Date.now())) {
      finishRequest(context, facts, failure.status, failure.type, noUsage, undefined);
    }
    if (failure.status === 499 && outgoing?.destroyed) {
      return RESPONSE_ALREADY_SENT;
    }
    return new Response(redact(failure.toBody(), secrets), { status: failure.status, headers });
  }
}

/** Mounts `/api/proxy/{openai,anthropic,google}/*` and `/api/proxy/custom/:id/*`. */
export function registerProxyRoutes(app: Hono<GatewayEnvironment>, context: GatewayContext): void {
  app.all('/api/proxy/custom/:id/*', (c) => {
    const id = c.req.param('id');
    return handleProxyRequest(context, c, id, `/api/proxy/custom/${id}`);
  });
  for (const provider of ['openai', 'anthropic', 'google'] as const) {
    app.all(`/api/proxy/${provider}/*`, (c) =>
      handleProxyRequest(context, c, provider, `/api/proxy/${provider}`),
    );
  }
}
