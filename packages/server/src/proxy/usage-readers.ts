import type { UsageFormat } from './vendors.js';

/** Token counts read from a vendor response; totals follow the core's `TokenUsage` meaning. */
export interface ObservedUsage {
  model?: string;
  promptTokens: number;
  completionTokens: number;
  cachedTokens: number;
  reasoningTokens: number;
  /** The response reported usage at all. */
  reported: boolean;
}

/** Reads usage from one parsed JSON value (a whole response or one stream event). */
export type UsageReader = (value: unknown, usage: ObservedUsage) => void;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null
    ? (value as Record<string, unknown>)
    : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** OpenAI chat completions (JSON and the final `include_usage` chunk) and Responses API events. */
const readOpenAI: UsageReader = (value, usage) => {
  const body = record(value);
  if (!body) return;
  const response = record(body.response);
  const source = response ?? body;
  if (typeof source.model === 'string') usage.model = source.model;
  const tokens = record(source.usage);
  if (!tokens) return;
  const prompt = count(tokens.prompt_tokens) ?? count(tokens.input_tokens);
  const completion = count(tokens.completion_tokens) ?? count(tokens.output_tokens);
  if (prompt === undefined && completion === undefined) return;
  usage.reported = true;
  usage.promptTokens = prompt ?? 0;
  usage.completionTokens = completion ?? 0;
  const promptDetails = record(tokens.prompt_tokens_details) ?? record(tokens.input_tokens_details);
  const completionDetails =
    record(tokens.completion_tokens_details) ?? record(tokens.output_tokens_details);
  usage.cachedTokens = count(promptDetails?.cached_tokens) ?? 0;
  usage.reasoningTokens = count(completionDetails?.reasoning_tokens) ?? 0;
};

/**
 * Anthropic: `input_tokens` excludes cache reads and writes, so the prompt is the sum. Streams
 * report input in `message_start` and cumulative output in `message_delta`.
 */
const readAnthropic: UsageReader = (value, usage) => {
  const body = record(value);
  if (!body) return;
  const message = record(body.message) ?? body;
  if (typeof message.model === 'string') usage.model = message.model;
  const tokens = record(message.usage) ?? record(body.usage);
  if (!tokens) return;
  const input = count(tokens.input_tokens);
  const cacheRead = count(tokens.cache_read_input_tokens);
  const cacheWrite = count(tokens.cache_creation_input_tokens);
  const output = count(tokens.output_tokens);
  if (input !== undefined || cacheRead !== undefined || cacheWrite !== undefined) {
    const prompt = (input ?? 0) + (cacheRead ?? 0) + (cacheWrite ?? 0);
    if (input !== undefined || prompt > 0) {
      usage.promptTokens = prompt;
      usage.cachedTokens = cacheRead ?? 0;
    }
  }
  if (output !== undefined) usage.completionTokens = output;
  const thinking = count(record(tokens.output_tokens_details)?.thinking_tokens);
  if (thinking !== undefined) usage.reasoningTokens = thinking;
  usage.reported = true;
};

/** Gemini: every chunk carries cumulative `usageMetadata`; thoughts count as output. */
const readGoogle: UsageReader = (value, usage) => {
  const body = record(value);
  if (!body) return;
  if (typeof body.modelVersion === 'string') usage.model = body.modelVersion;
  const tokens = record(body.usageMetadata);
  if (!tokens) return;
  usage.reported = true;
  const thoughts = count(tokens.thoughtsTokenCount) ?? 0;
  usage.promptTokens = count(tokens.promptTokenCount) ?? 0;
  usage.completionTokens = (count(tokens.candidatesTokenCount) ?? 0) + thoughts;
  usage.cachedTokens = count(tokens.cachedContentTokenCount) ?? 0;
  usage.reasoningTokens = thoughts;
};

/** Ollama native API: the final (`done: true`) object carries the counts. */
const readOllama: UsageReader = (value, usage) => {
  const body = record(value);
  if (!body) return;
  if (typeof body.model === 'string') usage.model = body.model;
  const prompt = count(body.prompt_eval_count);
  const completion = count(body.eval_count);
  if (prompt === undefined && completion === undefined) {
    readOpenAI(value, usage);
    return;
  }
  usage.reported = true;
  usage.promptTokens = prompt ?? 0;
  usage.completionTokens = completion ?? 0;
};

/** Usage readers by format. */
export const usageReaders: Readonly<Record<UsageFormat, UsageReader>> = {
  openai: readOpenAI,
  anthropic: readAnthropic,
  google: readGoogle,
  ollama: readOllama,
  none: () => {},
};

/** Substrings a stream line must contain to be worth parsing, by format. */
export const usageMarkers: Readonly<Record<UsageFormat, readonly string[]>> = {
  openai: ['"usage"'],
  anthropic: ['"usage"'],
  google: ['"usageMetadata"'],
  ollama: ['"eval_count"', '"usage"'],
  none: [],
};
