import type { Hono } from 'hono';
import { AnalyticsDashboard } from '../analytics/analytics-dashboard.js';
import type { Period } from '../analytics/usage-metrics.js';
import type { GatewayContext } from '../gateway-context.js';
import { invalidRequest, requireAdminToken } from './admin-auth.js';
import type { GatewayEnvironment } from './bindings.js';

function parseTime(value: string | undefined): number | undefined | null {
  if (value === undefined || value === '') return undefined;
  const number = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  return Number.isFinite(number) ? number : null;
}

/** `from`/`to` query parameters (ISO 8601 or epoch milliseconds); default the last 30 days. */
function readPeriod(
  dashboard: AnalyticsDashboard,
  query: Record<string, string>,
): Period | Response {
  const fallback = dashboard.defaultPeriod();
  const from = parseTime(query.from);
  const to = parseTime(query.to);
  if (from === null || to === null)
    return invalidRequest('from and to must be ISO 8601 dates or epoch milliseconds');
  const period = { from: from ?? fallback.from, to: to ?? fallback.to };
  if (period.from > period.to) return invalidRequest('from must not be after to');
  return period;
}

/**
 * `GET /api/analytics/usage`, `/providers/:provider`, `/costs`, `/projection`, `/latency/:provider`,
 * `/errors/:provider` (admin token).
 */
export function registerAnalyticsRoutes(
  app: Hono<GatewayEnvironment>,
  context: GatewayContext,
): void {
  const dashboard = new AnalyticsDashboard(context.usageStore, context.now);
  app.use('/api/analytics/*', requireAdminToken(context));
  app.use('/api/analytics/*', async (_c, next) => {
    // Answers include the rows recorded up to this request.
    context.usageRecorder.flush();
    await next();
  });
  const withPeriod =
    (answer: (period: Period, provider: string) => unknown) =>
    (c: import('hono').Context<GatewayEnvironment>) => {
      const period = readPeriod(dashboard, c.req.query());
      if (period instanceof Response) return period;
      return c.json(answer(period, c.req.param('provider') ?? ''));
    };
  app.get(
    '/api/analytics/usage',
    withPeriod((period) => dashboard.getTotalUsage(period)),
  );
  app.get(
    '/api/analytics/providers/:provider',
    withPeriod((period, provider) => dashboard.getProviderUsage(provider, period)),
  );
  app.get(
    '/api/analytics/costs',
    withPeriod((period) => dashboard.getCostBreakdown(period)),
  );
  app.get(
    '/api/analytics/latency/:provider',
    withPeriod((period, provider) => dashboard.getLatencyMetrics(provider, period)),
  );
  app.get(
    '/api/analytics/errors/:provider',
    withPeriod((period, provider) => dashboard.getErrorRates(provider, period)),
  );
  app.get('/api/analytics/projection', (c) => {
    const lookback = c.req.query('lookbackDays');
    const lookbackDays = lookback === undefined ? undefined : Number(lookback);
    if (
      lookbackDays !== undefined &&
      (!Number.isInteger(lookbackDays) || lookbackDays < 1 || lookbackDays > 90)
    ) {
      return invalidRequest('lookbackDays must be an integer from 1 to 90');
    }
    return c.json(dashboard.getProjectedCost(lookbackDays === undefined ? {} : { lookbackDays }));
  });
}
