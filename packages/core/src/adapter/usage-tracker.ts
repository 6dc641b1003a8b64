import type { TokenUsage, UsageStats } from '../spec/index.js';

/** Cumulative statistics of one provider instance. */
export class UsageTracker {
  private requests = 0;
  private successes = 0;
  private latencyTotal = 0;
  private readonly tokens = { prompt: 0, completion: 0, total: 0, cached: 0, reasoning: 0 };

  /** Records one finished call. */
  record(success: boolean, latencyMs: number, usage?: TokenUsage): void {
    this.requests++;
    if (success) this.successes++;
    this.latencyTotal += latencyMs;
    if (usage === undefined) return;
    this.tokens.prompt += usage.promptTokens;
    this.tokens.completion += usage.completionTokens;
    this.tokens.total += usage.totalTokens;
    this.tokens.cached += usage.cachedTokens ?? 0;
    this.tokens.reasoning += usage.reasoningTokens ?? 0;
  }

  snapshot(): UsageStats {
    return {
      requests: this.requests,
      successfulRequests: this.successes,
      failedRequests: this.requests - this.successes,
      successRate: this.requests === 0 ? 1 : this.successes / this.requests,
      promptTokens: this.tokens.prompt,
      completionTokens: this.tokens.completion,
      totalTokens: this.tokens.total,
      cachedTokens: this.tokens.cached,
      reasoningTokens: this.tokens.reasoning,
      averageLatencyMs: this.requests === 0 ? 0 : this.latencyTotal / this.requests,
    };
  }
}
