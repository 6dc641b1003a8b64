import type { UsageRecord, UsageStore } from '../storage/usage-store.js';
import {
  isFailure,
  type Period,
  percentile,
  roundCost,
  summarise,
  type UsageMetrics,
} from './usage-metrics.js';

const day = 86_400_000;

/** One line of a cost breakdown. */
export interface CostLine {
  cost: number;
  requests: number;
  totalTokens: number;
}

/** Cost by provider, by model and by UTC day. */
export interface CostBreakdown {
  period: UsageMetrics['period'];
  totalCost: number;
  byProvider: Array<CostLine & { provider: string }>;
  byModel: Array<CostLine & { provider: string; model: string }>;
  /** Days with usage, ascending, as `YYYY-MM-DD` (UTC). */
  byDay: Array<CostLine & { day: string }>;
}

/** What the projection is based on. */
export interface UsagePattern {
  /** The moment to project from (default now). */
  now?: number;
  /** Full UTC days before today whose mean daily cost is the rate (default 7). */
  lookbackDays?: number;
}

/** A month-end cost projection. */
export interface CostProjection {
  /** How the figure was computed, in words. */
  method: string;
  /** UTC month, `YYYY-MM`. */
  month: string;
  monthToDateCost: number;
  /** Mean cost per day over the lookback window. */
  dailyRate: number;
  lookbackDays: number;
  /** Days left in the month after today's (fractional: the rest of today counts). */
  remainingDays: number;
  projectedMonthEndCost: number;
}

/** Latency percentiles of one provider. */
export interface LatencyMetrics {
  provider: string;
  period: UsageMetrics['period'];
  /** Requests measured. */
  count: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Over requests that received a first byte. */
  timeToFirstByteMs: { p50: number; p95: number; p99: number };
}

/** Error rates of one provider, by error type. */
export interface ErrorRates {
  provider: string;
  period: UsageMetrics['period'];
  requests: number;
  errors: number;
  /** errors / requests (0 without requests). */
  errorRate: number;
  byType: Record<string, { count: number; rate: number }>;
}

function addLine<K>(lines: Map<K, CostLine>, key: K, record: UsageRecord): void {
  const line = lines.get(key) ?? { cost: 0, requests: 0, totalTokens: 0 };
  line.cost += record.cost;
  line.requests++;
  line.totalTokens += record.promptTokens + record.completionTokens;
  lines.set(key, line);
}

function finish(line: CostLine): CostLine {
  return { ...line, cost: roundCost(line.cost) };
}

function percentiles(values: number[]) {
  values.sort((left, right) => left - right);
  return { p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99) };
}

/** The seed's analytics questions, answered from the usage rows. */
export class AnalyticsDashboard {
  private readonly store: UsageStore;
  private readonly clock: () => number;

  constructor(store: UsageStore, clock: () => number = Date.now) {
    this.store = store;
    this.clock = clock;
  }

  /** The default period: the last 30 days up to now. */
  defaultPeriod(): Period {
    const now = this.clock();
    return { from: now - 30 * day, to: now };
  }

  getTotalUsage(period: Period = this.defaultPeriod()): UsageMetrics {
    return summarise(this.store.query(period), period);
  }

  getProviderUsage(
    provider: string,
    period: Period = this.defaultPeriod(),
  ): UsageMetrics & { provider: string } {
    return { provider, ...summarise(this.store.query({ ...period, provider }), period) };
  }

  getCostBreakdown(period: Period = this.defaultPeriod()): CostBreakdown {
    const records = this.store.query(period);
    const byProvider = new Map<string, CostLine>();
    const byModel = new Map<string, CostLine>();
    const byDay = new Map<string, CostLine>();
    for (const record of records) {
      addLine(byProvider, record.provider, record);
      addLine(byModel, `${record.provider}\u0000${record.model ?? ''}`, record);
      addLine(byDay, new Date(record.time).toISOString().slice(0, 10), record);
    }
    return {
      period: summarise([], period).period,
      totalCost: roundCost(records.reduce((sum, record) => sum + record.cost, 0)),
      byProvider: [...byProvider]
        .map(([provider, line]) => ({ provider, ...finish(line) }))
        .sort(
          (left, right) => right.cost - left.cost || left.provider.localeCompare(right.provider),
        ),
      byModel: [...byModel]
        .map(([key, line]) => {
          const [provider = '', model = ''] = key.split('\u0000');
          return { provider, model, ...finish(line) };
        })
        .sort((left, right) => right.cost - left.cost || left.model.localeCompare(right.model)),
      byDay: [...byDay]
        .map(([date, line]) => ({ day: date, ...finish(line) }))
        .sort((left, right) => left.day.localeCompare(right.day)),
    };
  }

  getProjectedCost(usagePattern: UsagePattern = {}): CostProjection {
    const now = usagePattern.now ?? this.clock();
    const lookbackDays = usagePattern.lookbackDays ?? 7;
    const date = new Date(now);
    const monthStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    const monthEnd = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    const todayStart = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
    const monthToDate = this.store.query({ from: monthStart, to: now });
    const window = this.store.query({ from: todayStart - lookbackDays * day, to: todayStart });
    const monthToDateCost = roundCost(monthToDate.reduce((sum, record) => sum + record.cost, 0));
    const dailyRate = roundCost(
      window.reduce((sum, record) => sum + record.cost, 0) / lookbackDays,
    );
    const remainingDays = (monthEnd - now) / day;
    return {
      method:
        `month-to-date cost plus the mean daily cost of the ${lookbackDays} full UTC days before ` +
        'today times the days left in the month (UTC)',
      month: date.toISOString().slice(0, 7),
      monthToDateCost,
      dailyRate,
      lookbackDays,
      remainingDays: Math.round(remainingDays * 1e6) / 1e6,
      projectedMonthEndCost: roundCost(monthToDateCost + dailyRate * remainingDays),
    };
  }

  getLatencyMetrics(provider: string, period: Period = this.defaultPeriod()): LatencyMetrics {
    const records = this.store.query({ ...period, provider });
    const ttfb = records.flatMap((record) => (record.ttfbMs === undefined ? [] : [record.ttfbMs]));
    return {
      provider,
      period: summarise([], period).period,
      count: records.length,
      latencyMs: percentiles(records.map((record) => record.latencyMs)),
      timeToFirstByteMs: percentiles(ttfb),
    };
  }

  getErrorRates(provider: string, period: Period = this.defaultPeriod()): ErrorRates {
    const records = this.store.query({ ...period, provider });
    const counts = new Map<string, number>();
    let errors = 0;
    for (const record of records) {
      if (!isFailure(record)) continue;
      errors++;
      const type = record.errorType ?? `http_${record.status}`;
      counts.set(type, (counts.get(type) ?? 0) + 1);
    }
    const byType: ErrorRates['byType'] = {};
    for (const [type, count] of [...counts].sort(([left], [right]) => left.localeCompare(right))) {
      byType[type] = { count, rate: count / records.length };
    }
    return {
      provider,
      period: summarise([], period).period,
      requests: records.length,
      errors,
      errorRate: records.length === 0 ? 0 : errors / records.length,
      byType,
    };
  }
}
