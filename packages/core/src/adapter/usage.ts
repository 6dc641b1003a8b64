import type { TokenUsage } from '../spec/index.js';

/** Raw counts an adapter read from its vendor, before normalisation. */
export interface UsageCounts {
  /** Every input token including cache reads and writes. */
  promptTokens: number;
  /** Every output token including reasoning. */
  completionTokens: number;
  cachedTokens?: number | undefined;
  cacheWriteTokens?: number | undefined;
  reasoningTokens?: number | undefined;
}

/**
 * Builds a `TokenUsage` the same way in every adapter and in both the streaming and the
 * non-streaming path: `totalTokens` is computed, optional counts appear only when above zero.
 */
export function createTokenUsage(counts: UsageCounts): TokenUsage {
  const usage: TokenUsage = {
    promptTokens: counts.promptTokens,
    completionTokens: counts.completionTokens,
    totalTokens: counts.promptTokens + counts.completionTokens,
  };
  if (counts.cachedTokens) usage.cachedTokens = counts.cachedTokens;
  if (counts.cacheWriteTokens) usage.cacheWriteTokens = counts.cacheWriteTokens;
  if (counts.reasoningTokens) usage.reasoningTokens = counts.reasoningTokens;
  return usage;
}

/** Usage of a call whose vendor reported none. */
export const EMPTY_USAGE: TokenUsage = Object.freeze({
  promptTokens: 0,
  completionTokens: 0,
  totalTokens: 0,
});
