import type { UsageRecord } from '../storage/usage-store.js';

/** A time range, `[from, to)`, in epoch milliseconds. */
export interface Period {
  from: number;
  to: number;
}

/** Usage totals over a period (the seed's `UsageMetrics`). */
export interface UsageMetrics {
  /** ISO 8601 bounds of the period, `to` exclusive. */
  period: { from: string; to: string };
  requests: number;
  successfulRequests: number;
  failedRequests: number;
  /** successfulRequests / requests, 0–1 (1 when there were no requests). */
  successRate: number;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** Estimated cost in US dollars. */
  cost: number;
  /** Mean latency in milliseconds (0 when there were no requests). */
  averageLatencyMs: number;
}

/** A row counts as failed when it has an error type or a status of 400 or above. */
export function isFailure(record: UsageRecord): boolean {
  return record.errorType !== undefined || record.status >= 400;
}

/** Rounds dollars to a millionth of a cent, so sums of floats compare cleanly. */
export function roundCost(value: number): number {
  return Math.round(value * 1e8) / 1e8;
}

/** Totals of `records` over `period`. */
export function summarise(records: readonly UsageRecord[], period: Period): UsageMetrics {
  const metrics: UsageMetrics = {
    period: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString() },
    requests: records.length,
    successfulRequests: 0,
    failedRequests: 0,
    successRate: 1,
    promptTokens: 0,
    completionTokens: 0,
    totalTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    cost: 0,
    averageLatencyMs: 0,
  };
  let latency = 0;
  for (const record of records) {
    if (isFailure(record)) metrics.failedRequests++;
    else metrics.successfulRequests++;
    metrics.promptTokens += record.promptTokens;
    metrics.completionTokens += record.completionTokens;
    metrics.cachedTokens += record.cachedTokens;
    metrics.reasoningTokens += record.reasoningTokens;
    metrics.cost += record.cost;
    latency += record.latencyMs;
  }
  metrics.totalTokens = metrics.promptTokens + metrics.completionTokens;
  metrics.cost = roundCost(metrics.cost);
  if (records.length > 0) {
    metrics.successRate = metrics.successfulRequests / records.length;
    metrics.averageLatencyMs = latency / records.length;
  }
  return metrics;
}

/** Nearest-rank percentile (`p` in 0–100) of ascending `sorted`; 0 for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}
