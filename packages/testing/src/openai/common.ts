import { randomBytes } from 'node:crypto';
import { argumentsJSON, estimateTokens, type ScriptedTurn, type ScriptedUsage } from '../script.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random letters and digits, shaped like OpenAI's ids (`chatcmpl-…`, `call_…`). */
export function randomAlphanumeric(length: number): string {
  const bytes = randomBytes(length);
  let text = '';
  for (const byte of bytes) text += alphabet[byte % alphabet.length];
  return text;
}

/** A `chatcmpl-` id with 29 characters after the prefix, as the API sends. */
export const completionId = (): string => `chatcmpl-${randomAlphanumeric(29)}`;

/** A `call_` tool-call id with 24 characters after the prefix, as the API sends. */
export const toolCallId = (): string => `call_${randomAlphanumeric(24)}`;

/** An `x-request-id` value (`req_` + 32 hex digits). */
export const requestId = (): string => `req_${randomBytes(16).toString('hex')}`;

/** The fingerprint the simulator reports (`fp_` + 10 hex digits, like the recordings). */
export const SYSTEM_FINGERPRINT = 'fp_7f8eb7d1f9';

/** Which message field carries reasoning text, for OpenAI-compatible servers that send it. */
export type ReasoningField = 'reasoning_content' | 'reasoning';

/** The usage object of a Chat Completions response (2026 shape, with the details objects). */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details: { cached_tokens: number; audio_tokens: number };
  completion_tokens_details: {
    reasoning_tokens: number;
    audio_tokens: number;
    accepted_prediction_tokens: number;
    rejected_prediction_tokens: number;
  };
}

/** What the turn reports, with defaults derived from the texts when the script sets none. */
export function scriptedUsage(turn: ScriptedTurn, requestBody: unknown): ScriptedUsage {
  if (turn.usage) return turn.usage;
  const output = (turn.text ?? '') + (turn.toolCalls ?? []).map(argumentsJSON).join('');
  const usage: ScriptedUsage = {
    inputTokens: estimateTokens(JSON.stringify(requestBody ?? '')),
    outputTokens: estimateTokens(output),
  };
  if (turn.reasoning) usage.reasoningTokens = estimateTokens(turn.reasoning);
  return usage;
}

/**
 * OpenAI's usage: `prompt_tokens` includes cached tokens, `completion_tokens` includes
 * reasoning tokens.
 */
export function wireUsage(usage: ScriptedUsage): WireUsage {
  const prompt = usage.inputTokens + (usage.cachedTokens ?? 0);
  const completion = usage.outputTokens + (usage.reasoningTokens ?? 0);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0, audio_tokens: 0 },
    completion_tokens_details: {
      reasoning_tokens: usage.reasoningTokens ?? 0,
      audio_tokens: 0,
      accepted_prediction_tokens: 0,
      rejected_prediction_tokens: 0,
    },
  };
}

/** Finish reason of a turn: scripted, else `tool_calls` when it calls tools, else `stop`. */
export function finishReason(turn: ScriptedTurn): string {
  return turn.finishReason ?? ((turn.toolCalls?.length ?? 0) > 0 ? 'tool_calls' : 'stop');
}

/** Headers every API response carries (request id and the exposed-headers list). */
export function baseHeaders(): Record<string, string> {
  return {
    'access-control-expose-headers': 'X-Request-ID',
    'openai-organization': 'user-simulator',
    'openai-processing-ms': '42',
    'openai-project': 'proj_simulator',
    'openai-version': '2020-10-01',
    'x-request-id': requestId(),
  };
}

/** Success-path rate-limit headers, as in the recordings (`x-ratelimit-*`). */
export function rateLimitHeaders(promptTokens: number): Record<string, string> {
  return {
    'x-ratelimit-limit-requests': '500',
    'x-ratelimit-limit-tokens': '200000',
    'x-ratelimit-remaining-requests': '499',
    'x-ratelimit-remaining-tokens': String(Math.max(0, 200_000 - promptTokens)),
    'x-ratelimit-reset-requests': '120ms',
    'x-ratelimit-reset-tokens': '1ms',
  };
}

/**
 * The `obfuscation` field of 2026 stream chunks: random padding that hides the length of the
 * content, so shorter deltas get longer padding.
 */
export function obfuscation(contentLength: number): string {
  return randomAlphanumeric(Math.max(2, 16 - Math.min(contentLength, 12)));
}
