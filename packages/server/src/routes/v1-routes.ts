import type { AIProvider, ChatRequest, FetchFunction, TokenUsage } from '@thinkbackcode/core';
import { APIError } from '@thinkbackcode/core';
import type { Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { GatewayContext } from '../gateway-context.js';
import { capField } from '../logging/cap-field.js';
import { redact } from '../logging/redact.js';
import { serverTiming } from '../proxy/server-timing.js';
import { chargeTokens, checkRateLimits, RateLimitError } from '../security/rate-limit-check.js';
import { mayRecordRefusal } from '../security/refusal-budget.js';
import type { StoredProviderConfig } from '../storage/config-storage.js';
import type { GatewayKeyRecord } from '../storage/gateway-key-store.js';
import { InvalidChatRequest, parseOpenAIChatRequest } from '../unified/openai-request.js';
import { toOpenAIChunk, toOpenAIResponse, toOpenAIUsage } from '../unified/openai-response.js';
import { type ProviderFactory, toCoreConfig } from '../unified/provider-factory.js';
import { estimateUsageCost } from '../usage/price-lookup.js';
import { clientAddress, type GatewayEnvironment } from './bindings.js';

const statusByType: Record<string, number> = {
  auth_failed: 401,
  rate_limit: 429,
  quota_exceeded: 402,
  invalid_request: 400,
  timeout: 504,
  network_error: 502,
  server_error: 502,
  aborted: 499,
};

function errorResponse(
  status: number,
  type: string,
  message: string,
  headers: Record<string, string> = {},
  secrets: readonly string[] = [],
) {
  return Response.json(
    { error: { message: redact(message, secrets), type, code: type } },
    { status, headers },
  );
}

/**
 * Adapters by provider id, rebuilt when the stored config changes. `context.providerConfig` keeps
 * one config object per id until the admin API changes it, so identity tells a change apart.
 */
function createProviderCache(
  context: GatewayContext,
  factory: ProviderFactory,
  fetch: FetchFunction | undefined,
) {
  const cache = new Map<string, { config: StoredProviderConfig; provider: AIProvider }>();
  return async (id: string): Promise<AIProvider | undefined> => {
    const config = await context.providerConfig(id);
    if (!config) return undefined;
    const cached = cache.get(id);
    if (cached?.config === config) return cached.provider;
    const coreConfig = toCoreConfig(config, fetch);
    const provider = factory(coreConfig);
    await provider.authenticate(coreConfig);
    cache.set(id, { config, provider });
    if (cached) void cached.provider.disconnect?.();
    return provider;
  };
}

/** `provider/model` or an alias → provider id and model. */
function resolveModel(context: GatewayContext, name: string) {
  const target = context.modelAliases()[name] ?? name;
  const slash = target.indexOf('/');
  if (slash <= 0 || slash === target.length - 1) return undefined;
  return { providerId: target.slice(0, slash), model: target.slice(slash + 1), qualified: target };
}

/**
 * `POST /v1/chat/completions` and `GET /v1/models`, OpenAI-compatible, with gateway keys, served
 * through the core adapter of a server-held provider config. Without a factory they answer 501.
 */
export function registerV1Routes(
  app: Hono<GatewayEnvironment>,
  context: GatewayContext,
  factory: ProviderFactory | undefined,
  fetch?: FetchFunction,
): void {
  const providerFor = factory ? createProviderCache(context, factory, fetch) : undefined;

  const authenticate = (c: Context<GatewayEnvironment>): GatewayKeyRecord | undefined => {
    const key = (c.req.header('authorization') ?? '').replace(/^Bearer\s+/i, '').trim();
    return context.gatewayKeys.verify(key) ?? undefined;
  };

  app.get('/v1/models', async (c) => {
    const gatewayKey = authenticate(c);
    if (!gatewayKey) return errorResponse(401, 'auth_failed', 'A valid gateway key is required');
    const data: Array<Record<string, unknown>> = [];
    for (const config of await context.configStorage.listProviderConfigs()) {
      const provider = providerFor
        ? await providerFor(config.id).catch(() => undefined)
        : undefined;
      const models = provider ? await provider.listModels().catch(() => []) : [];
      for (const model of models) {
        const id = `${config.id}/${model.id}`;
        if (gatewayKey.allowedModels && !gatewayKey.allowedModels.includes(id)) continue;
        data.push({ id, object: 'model', created: 0, owned_by: config.id });
      }
    }
    return c.json({ object: 'list', data });
  });

  app.post('/v1/chat/completions', async (c) => {
    const started = performance.now();
    const time = context.now();
    const gatewayKey = authenticate(c);
    /** The server-held key of the target provider, once known: kept out of every error message. */
    const secrets: string[] = [];
    const record = (fields: {
      status: number;
      provider?: string | undefined;
      model?: string | undefined;
      errorType?: string | undefined;
      usage?: TokenUsage | undefined;
      firstByteAt?: number | undefined;
    }) => {
      const usage = fields.usage;
      const tokens = {
        promptTokens: usage?.promptTokens ?? 0,
        completionTokens: usage?.completionTokens ?? 0,
        cachedTokens: usage?.cachedTokens ?? 0,
        reasoningTokens: usage?.reasoningTokens ?? 0,
      };
      const provider = capField(fields.provider ?? 'unknown');
      const model = capField(fields.model);
      const prices = model ? context.prices.price(provider, model) : undefined;
      context.usageRecorder.record({
        time,
        route: 'v1:chat',
        provider,
        model,
        caller: gatewayKey?.id,
        origin: capField(c.req.header('origin')),
        status: fields.status,
        errorType: fields.errorType,
        latencyMs: performance.now() - started,
        ttfbMs: fields.firstByteAt === undefined ? undefined : fields.firstByteAt - started,
        ...tokens,
        cost: estimateUsageCost({ ...tokens, cacheWriteTokens: usage?.cacheWriteTokens }, prices),
      });
      if (gatewayKey) {
        chargeTokens(
          context.rateLimits,
          `key:${gatewayKey.id}|v1:chat`,
          {
            requestsPerMinute: 0,
            tokensPerMinute: gatewayKey.tokensPerMinute ?? context.config.rateLimit.tokensPerMinute,
          },
          tokens.promptTokens + tokens.completionTokens,
          Date.now(),
        );
      }
    };
    const fail = (
      status: number,
      type: string,
      message: string,
      extra: Parameters<typeof record>[0] = { status },
      recorded = true,
    ) => {
      if (recorded) record({ ...extra, status, errorType: type });
      return errorResponse(
        status,
        type,
        message,
        { 'server-timing': serverTiming(performance.now() - started, undefined) },
        secrets,
      );
    };

    if (!gatewayKey) {
      const recorded = mayRecordRefusal(context.rateLimits, clientAddress(c.env), Date.now());
      return fail(401, 'auth_failed', 'A valid gateway key is required', { status: 401 }, recorded);
    }
    let rateHeaders: Record<string, string>;
    try {
      rateHeaders = checkRateLimits(
        context.rateLimits,
        `key:${gatewayKey.id}|v1:chat`,
        {
          requestsPerMinute:
            gatewayKey.requestsPerMinute ?? context.config.rateLimit.requestsPerMinute,
          tokensPerMinute: gatewayKey.tokensPerMinute ?? context.config.rateLimit.tokensPerMinute,
        },
        Date.now(),
      );
    } catch (error) {
      if (!(error instanceof RateLimitError)) throw error;
      if (mayRecordRefusal(context.rateLimits, clientAddress(c.env), Date.now())) {
        record({ status: 429, errorType: 'rate_limit' });
      }
      return errorResponse(429, 'rate_limit', error.message, error.headers);
    }
    if (!providerFor)
      return fail(501, 'server_error', 'Provider adapters are not available in this build');

    let parsed: ReturnType<typeof parseOpenAIChatRequest>;
    try {
      parsed = parseOpenAIChatRequest(await c.req.json());
    } catch (error) {
      return fail(
        400,
        'invalid_request',
        error instanceof InvalidChatRequest ? error.message : 'The body is not valid JSON',
      );
    }
    const target = resolveModel(context, parsed.model);
    if (!target)
      return fail(400, 'invalid_request', 'model must be provider/model or a configured alias');
    const facts = { status: 0, provider: target.providerId, model: target.model };
    if (
      gatewayKey.allowedModels &&
      !gatewayKey.allowedModels.includes(target.qualified) &&
      !gatewayKey.allowedModels.includes(parsed.model)
    ) {
      return fail(403, 'auth_failed', 'This gateway key may not use this model', facts);
    }
    let provider: AIProvider | undefined;
    try {
      const stored = await context.providerConfig(target.providerId);
      if (typeof stored?.apiKey === 'string' && stored.apiKey !== '') secrets.push(stored.apiKey);
      provider = await providerFor(target.providerId);
    } catch (error) {
      return fail(
        400,
        'invalid_request',
        error instanceof Error ? error.message : 'Invalid provider config',
        facts,
      );
    }
    if (!provider)
      return fail(404, 'not_found', `No provider ${target.providerId} is configured`, facts);

    const controller = new AbortController();
    const onClientGone = () => controller.abort();
    // On Node, the response's close says the client left; `c.req.raw.signal` would build a second
    // AbortController per request inside the adapter.
    const outgoing = c.env?.outgoing;
    if (outgoing) outgoing.once('close', onClientGone);
    else c.req.raw.signal.addEventListener('abort', onClientGone, { once: true });
    const request: ChatRequest = {
      ...parsed.request,
      model: target.model,
      signal: controller.signal,
    };
    const created = Math.floor(time / 1000);
    const upstreamStarted = performance.now();
    const failure = (error: unknown) => {
      if (APIError.isInstance(error)) {
        const status = statusByType[error.type] ?? error.status ?? 502;
        return fail(status, error.type, error.message, facts);
      }
      return fail(502, 'server_error', 'The provider call failed', facts);
    };

    if (!parsed.stream) {
      try {
        const response = await provider.createChatCompletion(request);
        const upstreamMs = performance.now() - upstreamStarted;
        record({ ...facts, status: 200, usage: response.usage, firstByteAt: performance.now() });
        return c.json(toOpenAIResponse(response, parsed.model, created), 200, {
          ...rateHeaders,
          'server-timing': serverTiming(performance.now() - started - upstreamMs, upstreamMs),
        });
      } catch (error) {
        return failure(error);
      }
    }

    // Errors before the first chunk become a normal error response (retry and fallback still work).
    const iterator = provider.createChatCompletionStream(request)[Symbol.asyncIterator]();
    let first: IteratorResult<import('@thinkbackcode/core').ChatChunk>;
    try {
      first = await iterator.next();
    } catch (error) {
      return failure(error);
    }
    const upstreamMs = performance.now() - upstreamStarted;
    const firstByteAt = performance.now();
    c.header('content-type', 'text/event-stream');
    c.header('cache-control', 'no-cache');
    c.header('server-timing', serverTiming(performance.now() - started - upstreamMs, upstreamMs));
    for (const [name, value] of Object.entries(rateHeaders)) c.header(name, value);
    return stream(c, async (output) => {
      let usage: TokenUsage | undefined;
      let errorType: string | undefined;
      output.onAbort(() => controller.abort());
      try {
        for (let step = first; !step.done; step = await iterator.next()) {
          const chunk = step.value;
          if (chunk.usage) usage = chunk.usage;
          if (chunk.choices.length > 0) {
            await output.write(
              `data: ${JSON.stringify(toOpenAIChunk(chunk, parsed.model, created))}\n\n`,
            );
          }
        }
        if (parsed.includeUsage && usage) {
          const usageChunk = {
            id: `chatcmpl-usage`,
            object: 'chat.completion.chunk',
            created,
            model: parsed.model,
            choices: [],
            usage: toOpenAIUsage(usage),
          };
          await output.write(`data: ${JSON.stringify(usageChunk)}\n\n`);
        }
        await output.write('data: [DONE]\n\n');
      } catch (error) {
        errorType = controller.signal.aborted
          ? 'aborted'
          : APIError.isInstance(error)
            ? error.type
            : 'server_error';
        if (!controller.signal.aborted) {
          const message = APIError.isInstance(error) ? error.message : 'The provider stream failed';
          await output
            .write(
              `data: ${JSON.stringify({ error: { message: redact(message, secrets), type: errorType } })}\n\n`,
            )
            .catch(() => {});
        }
      } finally {
        record({ ...facts, status: 200, usage, errorType, firstByteAt });
      }
    });
  });
}
