import type { CallContext } from '../../adapter/definition.js';
import { randomId } from '../../adapter/ids.js';
import { createTokenUsage } from '../../adapter/usage.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  ChatResponse,
  ReasoningDetail,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../../spec/index.js';
import { readPart, SIGNATURE_SOURCE, toFinishReason, toToolCall } from './parts.js';
import type { GeminiResponse, GeminiUsageMetadata } from './wire.js';

/**
 * `usageMetadata` → `TokenUsage`: prompt = `promptTokenCount` (cache reads included) plus
 * tool-use prompt tokens; completion = `candidatesTokenCount + thoughtsTokenCount`.
 */
export function toTokenUsage(usage: GeminiUsageMetadata | undefined): TokenUsage {
  const thoughts = usage?.thoughtsTokenCount ?? 0;
  return createTokenUsage({
    promptTokens: (usage?.promptTokenCount ?? 0) + (usage?.toolUsePromptTokenCount ?? 0),
    completionTokens: (usage?.candidatesTokenCount ?? 0) + thoughts,
    cachedTokens: usage?.cachedContentTokenCount,
    reasoningTokens: thoughts,
  });
}

/**
 * The reasoning block of an answer: the thought summaries and the signature Gemini put on a
 * text part (Gemini 3), kept together so they can be replayed to Google.
 */
export function reasoningDetail(
  thoughts: string,
  signature: string | undefined,
): ReasoningDetail | undefined {
  if (thoughts === '' && signature === undefined) return undefined;
  const detail: ReasoningDetail = { type: 'text', text: thoughts, source: SIGNATURE_SOURCE };
  if (signature !== undefined) detail.signature = signature;
  return detail;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A non-streaming `GenerateContentResponse` → `ChatResponse`. */
export function parseGeminiResponse(body: unknown, context: CallContext): ChatResponse {
  if (!isObject(body)) {
    throw new APIError('Gemini returned a response that is not a JSON object', {
      type: APIErrorType.SERVER_ERROR,
      provider: context.providerName,
    });
  }
  const response = body as GeminiResponse;
  const candidate = response.candidates?.[0];
  const turn = context.request.messages.length;
  let content = '';
  let hasContent = false;
  let thoughts = '';
  let textSignature: string | undefined;
  const toolCalls: ToolCall[] = [];
  for (const part of candidate?.content?.parts ?? []) {
    const read = readPart(part);
    if (read.kind === 'thought') thoughts += read.text;
    if (read.kind === 'text') {
      if (read.text !== '') {
        content += read.text;
        hasContent = true;
      }
      if (read.signature !== undefined) textSignature = read.signature;
    }
    if (read.kind === 'call') toolCalls.push(toToolCall(turn, toolCalls.length, read));
  }
  const message: ResponseMessage = { role: 'assistant', content: hasContent ? content : null };
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  if (thoughts !== '') message.reasoning = thoughts;
  const detail = reasoningDetail(thoughts, textSignature);
  if (detail !== undefined) message.reasoningDetails = [detail];
  const blocked = candidate === undefined && response.promptFeedback?.blockReason !== undefined;
  return {
    id: response.responseId ?? randomId('gemini-'),
    model: response.modelVersion ?? context.request.model,
    choices: [
      {
        index: 0,
        message,
        finishReason: blocked
          ? 'content_filter'
          : toFinishReason(candidate?.finishReason, toolCalls.length > 0),
      },
    ],
    usage: toTokenUsage(response.usageMetadata),
  };
}
