import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestGateway,
  TEST_ADMIN_TOKEN,
  type TestGateway,
} from '../../test/helpers/gateway.js';
import type { UsageRecord } from '../storage/usage-store.js';

const now = Date.parse('2026-03-20T12:00:00Z');
const base = { route: 'proxy:openai', cachedTokens: 0, reasoningTokens: 0 };
const rows: UsageRecord[] = [
  {
    ...base,
    time: Date.parse('2026-03-18T10:00:00Z'),
    provider: 'openai',
    model: 'gpt-4.1-mini',
    status: 200,
    latencyMs: 100,
    ttfbMs: 40,
    promptTokens: 1000,
    completionTokens: 500,
    cachedTokens: 200,
    cost: 0.0011,
  },
  {
    ...base,
    time: Date.parse('2026-03-19T10:00:00Z'),
    provider: 'openai',
    model: 'gpt-4.1-mini',
    status: 200,
    latencyMs: 300,
    ttfbMs: 60,
    promptTokens: 2000,
    completionTokens: 1000,
    cost: 0.0024,
  },
  {
    ...base,
    time: Date.parse('2026-03-19T11:00:00Z'),
    provider: 'openai',
    model: 'gpt-4o',
    status: 429,
    errorType: 'rate_limit',
    latencyMs: 20,
    ttfbMs: 20,
    promptTokens: 0,
    completionTokens: 0,
    cost: 0,
  },
  {
    ...base,
    time: Date.parse('2026-03-19T12:00:00Z'),
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    status: 200,
    latencyMs: 500,
    ttfbMs: 100,
    promptTokens: 100,
    completionTokens: 50,
    reasoningTokens: 20,
    cost: 0.00035,
  },
  {
    ...base,
    time: Date.parse('2026-03-20T09:00:00Z'),
    provider: 'anthropic',
    model: 'claude-haiku-4-5',
    status: 200,
    errorType: 'aborted',
    latencyMs: 50,
    promptTokens: 10,
    completionTokens: 0,
    cost: 0.00001,
  },
  {
    ...base,
    time: Date.parse('2026-02-27T10:00:00Z'),
    provider: 'openai',
    model: 'gpt-4.1-mini',
    status: 200,
    latencyMs: 200,
    ttfbMs: 50,
    promptTokens: 500,
    completionTokens: 500,
    cost: 0.001,
  },
  {
    ...base,
    time: Date.parse('2026-01-01T10:00:00Z'),
    provider: 'openai',
    model: 'gpt-4.1',
    status: 200,
    latencyMs: 900,
    ttfbMs: 90,
    promptTokens: 9,
    completionTokens: 9,
    cost: 5,
  },
];

let gateway: TestGateway;
beforeEach(async () => {
  gateway = await createTestGateway('http://127.0.0.1:9', {}, { now: () => now });
  gateway.context.usageStore.insertMany(rows);
});
afterEach(() => gateway.close());

async function get(path: string, token = TEST_ADMIN_TOKEN) {
  const response = await gateway.app.request(path, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('analytics endpoints over a fixed data set', () => {
  it('require the admin token', async () => {
    expect((await get('/api/analytics/usage', 'wrong')).status).toBe(401);
    expect((await gateway.app.request('/api/analytics/usage')).status).toBe(401);
  });

  it('answer getTotalUsage for the last 30 days by default', async () => {
    const { body } = await get('/api/analytics/usage');
    expect(body).toEqual({
      period: { from: '2026-02-18T12:00:00.000Z', to: '2026-03-20T12:00:00.000Z' },
      requests: 6,
      successfulRequests: 4,
      failedRequests: 2,
      successRate: 4 / 6,
      promptTokens: 3610,
      completionTokens: 2050,
      totalTokens: 5660,
      cachedTokens: 200,
      reasoningTokens: 20,
      cost: 0.00486,
      averageLatencyMs: 195,
    });
  });

  it('answer for from/to query parameters and refuse bad ones', async () => {
    const { body } = await get(
      '/api/analytics/usage?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z',
    );
    expect(body).toMatchObject({ requests: 1, cost: 5, promptTokens: 9 });
    expect((await get('/api/analytics/usage?from=yesterday')).status).toBe(400);
  });

  it('answer getProviderUsage', async () => {
    const { body } = await get('/api/analytics/providers/openai');
    expect(body).toMatchObject({
      provider: 'openai',
      requests: 4,
      failedRequests: 1,
      promptTokens: 3500,
      completionTokens: 2000,
      cost: 0.0045,
    });
  });

  it('answer getCostBreakdown by provider, model and day', async () => {
    const { body } = await get('/api/analytics/costs');
    expect(body).toMatchObject({
      totalCost: 0.00486,
      byProvider: [
        { provider: 'openai', cost: 0.0045, requests: 4, totalTokens: 5500 },
        { provider: 'anthropic', cost: 0.00036, requests: 2, totalTokens: 160 },
      ],
      byModel: [
        { provider: 'openai', model: 'gpt-4.1-mini', cost: 0.0045, requests: 3, totalTokens: 5500 },
        {
          provider: 'anthropic',
          model: 'claude-haiku-4-5',
          cost: 0.00036,
          requests: 2,
          totalTokens: 160,
        },
        { provider: 'openai', model: 'gpt-4o', cost: 0, requests: 1, totalTokens: 0 },
      ],
      byDay: [
        { day: '2026-02-27', cost: 0.001, requests: 1, totalTokens: 1000 },
        { day: '2026-03-18', cost: 0.0011, requests: 1, totalTokens: 1500 },
        { day: '2026-03-19', cost: 0.00275, requests: 3, totalTokens: 3150 },
        { day: '2026-03-20', cost: 0.00001, requests: 1, totalTokens: 10 },
      ],
    });
  });

  it('answer getProjectedCost with its method', async () => {
    const { body } = await get('/api/analytics/projection');
    expect(body).toMatchObject({
      month: '2026-03',
      monthToDateCost: 0.00386,
      dailyRate: 0.00055,
      lookbackDays: 7,
      remainingDays: 11.5,
      projectedMonthEndCost: 0.010185,
    });
    expect(body.method).toMatch(/mean daily cost of the 7 full UTC days/);
    expect((await get('/api/analytics/projection?lookbackDays=0')).status).toBe(400);
  });

  it('answer getLatencyMetrics with nearest-rank percentiles', async () => {
    const { body } = await get('/api/analytics/latency/openai');
    expect(body).toMatchObject({
      provider: 'openai',
      count: 4,
      latencyMs: { p50: 100, p95: 300, p99: 300 },
      timeToFirstByteMs: { p50: 40, p95: 60, p99: 60 },
    });
  });

  it('answer getErrorRates by error type', async () => {
    expect((await get('/api/analytics/errors/openai')).body).toMatchObject({
      requests: 4,
      errors: 1,
      errorRate: 0.25,
      byType: { rate_limit: { count: 1, rate: 0.25 } },
    });
    expect((await get('/api/analytics/errors/anthropic')).body).toMatchObject({
      errorRate: 0.5,
      byType: { aborted: { count: 1, rate: 0.5 } },
    });
  });
});
