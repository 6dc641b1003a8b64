import { createHash } from 'node:crypto';
import { estimateTokens, type ScriptedTurn } from '../script.js';
import { requiresThoughtSignatures } from './models.js';
import { functionCallSignature, scriptedSignatureKey, textSignature } from './signature.js';

/** A `Part` of a Gemini `Content`. */
export type GeminiPart = Record<string, unknown>;

/** Token counts of one answer. */
export interface GeminiCounts {
  /** Every input token, cached included (`promptTokenCount`). */
  prompt: number;
  cached: number;
  /** `candidatesTokenCount`. */
  candidates: number;
  /** `thoughtsTokenCount`. */
  thoughts: number;
}

/** Everything one scripted turn answers, shared by the JSON and the SSE renderers. */
export interface GeminiAnswerPlan {
  responseId: string;
  modelVersion: string;
  /** Thought summaries, sent only with `includeThoughts`. */
  thoughts: string | undefined;
  text: string;
  calls: Array<{ name: string; args: Record<string, unknown> }>;
  /** Thought signature carried by the first functionCall part. */
  callSignature: string | undefined;
  /** Thought signature carried by the last text part (Gemini 3 answers without calls). */
  textSignature: string | undefined;
  finishReason: string;
  counts: GeminiCounts;
}

const finishReasons: Record<NonNullable<ScriptedTurn['finishReason']>, string> = {
  stop: 'STOP',
  length: 'MAX_TOKENS',
  tool_calls: 'STOP',
  content_filter: 'SAFETY',
};

function parseArguments(raw: Record<string, unknown> | string): Record<string, unknown> {
  if (typeof raw !== 'string') return raw;
  // Gemini sends args as a Struct, so it cannot send invalid JSON; an unparsable script string
  // becomes an empty object.
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** A response id shaped like Gemini's (23 url-safe base64 characters), deterministic per seed. */
export function geminiResponseId(seed: string): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, 23);
}

/**
 * Decides what a scripted turn answers. `scripted` remembers caller-chosen signatures so that
 * their replay validates like issued ones.
 */
export function planAnswer(
  turn: ScriptedTurn,
  model: string,
  promptText: string,
  includeThoughts: boolean,
  sequence: number,
  scripted: Map<string, string>,
): GeminiAnswerPlan {
  const calls = (turn.toolCalls ?? []).map((call) => ({
    name: call.name,
    args: parseArguments(call.arguments),
  }));
  const first = calls[0];
  let callSignature: string | undefined;
  if (first !== undefined) {
    callSignature = turn.signature ?? functionCallSignature(first.name, first.args);
    if (turn.signature !== undefined)
      scripted.set(turn.signature, scriptedSignatureKey(first.name, first.args));
  }
  const text = turn.text ?? '';
  const usage = turn.usage;
  const outputText = text + calls.map((call) => JSON.stringify(call.args)).join('');
  const counts: GeminiCounts = usage
    ? {
        prompt: usage.inputTokens + (usage.cachedTokens ?? 0),
        cached: usage.cachedTokens ?? 0,
        candidates: usage.outputTokens,
        thoughts: usage.reasoningTokens ?? 0,
      }
    : {
        prompt: estimateTokens(promptText),
        cached: 0,
        candidates: estimateTokens(outputText),
        thoughts: turn.reasoning ? estimateTokens(turn.reasoning) : 0,
      };
  return {
    responseId: turn.id ?? geminiResponseId(`${sequence}:${model}`),
    modelVersion: turn.model ?? model,
    thoughts: includeThoughts && turn.reasoning ? turn.reasoning : undefined,
    text,
    calls,
    callSignature,
    textSignature:
      first === undefined && requiresThoughtSignatures(model)
        ? (turn.signature ?? textSignature(text))
        : undefined,
    finishReason: finishReasons[turn.finishReason ?? (calls.length > 0 ? 'tool_calls' : 'stop')],
    counts,
  };
}

/** `usageMetadata` in the recorded key order; `candidates` false for the thought-only chunks. */
export function usageMetadata(counts: GeminiCounts, candidates: number | false, thoughts: boolean) {
  const metadata: Record<string, unknown> = { promptTokenCount: counts.prompt };
  if (candidates !== false) metadata.candidatesTokenCount = candidates;
  metadata.totalTokenCount =
    counts.prompt + (candidates === false ? 0 : candidates) + (thoughts ? counts.thoughts : 0);
  if (counts.cached > 0) metadata.cachedContentTokenCount = counts.cached;
  metadata.promptTokensDetails = [{ modality: 'TEXT', tokenCount: counts.prompt }];
  if (counts.cached > 0)
    metadata.cacheTokensDetails = [{ modality: 'TEXT', tokenCount: counts.cached }];
  if (thoughts && counts.thoughts > 0) metadata.thoughtsTokenCount = counts.thoughts;
  metadata.serviceTier = 'standard';
  return metadata;
}

/** The functionCall parts, the first one carrying the signature (as recorded). */
export function functionCallParts(plan: GeminiAnswerPlan): GeminiPart[] {
  return plan.calls.map((call, index) => {
    const part: GeminiPart = { functionCall: { name: call.name, args: call.args } };
    if (index === 0 && plan.callSignature !== undefined) part.thoughtSignature = plan.callSignature;
    return part;
  });
}

/** A candidate in the recorded key order. */
export function candidate(
  parts: GeminiPart[],
  finishReason: string | undefined,
  hasCalls: boolean,
) {
  const value: Record<string, unknown> = { content: { parts, role: 'model' } };
  if (finishReason !== undefined) value.finishReason = finishReason;
  value.index = 0;
  if (finishReason !== undefined && hasCalls)
    value.finishMessage = 'Model generated function call(s).';
  return value;
}

/** The non-streaming `GenerateContentResponse`. */
export function generateContentBody(plan: GeminiAnswerPlan) {
  const parts: GeminiPart[] = [];
  if (plan.thoughts !== undefined) parts.push({ text: plan.thoughts, thought: true });
  if (plan.text !== '' || (plan.calls.length === 0 && plan.textSignature !== undefined)) {
    const part: GeminiPart = { text: plan.text };
    if (plan.textSignature !== undefined) part.thoughtSignature = plan.textSignature;
    parts.push(part);
  }
  parts.push(...functionCallParts(plan));
  if (parts.length === 0) parts.push({ text: '' });
  return {
    candidates: [candidate(parts, plan.finishReason, plan.calls.length > 0)],
    usageMetadata: usageMetadata(plan.counts, plan.counts.candidates, true),
    modelVersion: plan.modelVersion,
    responseId: plan.responseId,
  };
}
