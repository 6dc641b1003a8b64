import { formatTable } from '../support/table.js';

/** Totals as the gateway's analytics answer them (`UsageMetrics`). */
export interface UsageTotals {
  period: { from: string; to: string };
  requests: number;
  successfulRequests: number;
  failedRequests: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  cost: number;
  averageLatencyMs: number;
}

interface CostLine {
  cost: number;
  requests: number;
  totalTokens: number;
}

/** Cost by provider and model (`CostBreakdown`). */
export interface UsageCosts {
  totalCost: number;
  byProvider: Array<CostLine & { provider: string }>;
  byModel: Array<CostLine & { provider: string; model: string }>;
}

/** The month-end projection (`CostProjection`). */
export interface UsageProjection {
  method: string;
  month: string;
  monthToDateCost: number;
  dailyRate: number;
  lookbackDays: number;
  projectedMonthEndCost: number;
}

/** What `thinkbackcode usage` reports. */
export interface UsageReport {
  totals: UsageTotals;
  costs: UsageCosts;
  projection: UsageProjection;
}

const integer = new Intl.NumberFormat('en-US');
/** Dollars with enough digits for small per-request costs. */
export const dollars = (value: number): string =>
  `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value !== 0 && Math.abs(value) < 1 ? 6 : 2 })}`;

/** The human-readable usage report. */
export function formatUsageReport(report: UsageReport): string {
  const { totals, costs, projection } = report;
  const lines = [
    `Usage from ${totals.period.from} to ${totals.period.to}`,
    `  Requests  ${integer.format(totals.requests)} (${integer.format(totals.successfulRequests)} ok, ${integer.format(totals.failedRequests)} failed)`,
    `  Tokens    ${integer.format(totals.promptTokens)} in, ${integer.format(totals.completionTokens)} out (${integer.format(totals.cachedTokens)} cached, ${integer.format(totals.reasoningTokens)} reasoning)`,
    `  Cost      ${dollars(totals.cost)}`,
  ];
  if (costs.byProvider.length > 0) {
    lines.push(
      '',
      'Cost by provider',
      formatTable(
        ['PROVIDER', 'REQUESTS', 'TOKENS', 'COST'],
        costs.byProvider.map((line) => [
          line.provider,
          integer.format(line.requests),
          integer.format(line.totalTokens),
          dollars(line.cost),
        ]),
      ),
      '',
      'Cost by model',
      formatTable(
        ['PROVIDER', 'MODEL', 'REQUESTS', 'TOKENS', 'COST'],
        costs.byModel.map((line) => [
          line.provider,
          line.model === '' ? '-' : line.model,
          integer.format(line.requests),
          integer.format(line.totalTokens),
          dollars(line.cost),
        ]),
      ),
    );
  }
  lines.push(
    '',
    `Projection for ${projection.month}: ${dollars(projection.projectedMonthEndCost)} at month end ` +
      `(${dollars(projection.monthToDateCost)} so far, ${dollars(projection.dailyRate)} a day over the last ${projection.lookbackDays} days)`,
  );
  return lines.join('\n');
}
