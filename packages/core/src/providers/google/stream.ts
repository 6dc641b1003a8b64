import type { CallContext } from '../../adapter/definition.js';
import { randomId } from '../../adapter/ids.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { SSEEvent } from '../../http/index.js';
import type { ChatChunk, ChatDelta, TokenUsage, ToolCallDelta } from '../../spec/index.js';
import { isGeminiErrorBody, streamError } from './errors.js';
import { readPart, toFinishReason, toToolCall } from './parts.js';
import { reasoningDetail, toTokenUsage } from './response.js';
import type { GeminiResponse } from './wire.js';

/**
 * Gemini SSE events (each a whole `GenerateContentResponse` with cumulative usage) → chunks.
 * Thought parts stream as `delta.reasoning`, text as `delta.content`, each functionCall part as
 * one complete tool-call fragment. The reasoning block (thoughts + signature) and the final usage
 * and finish reason come in the last chunk, from `flush`. An `{"error":…}` event errors the
 * stream after what already arrived.
 */
export function createGeminiStreamTransformer(
  context: CallContext,
): Transformer<SSEEvent | unknown, ChatChunk> {
  const turn = context.request.messages.length;
  let id: string | undefined;
  let model = context.request.model;
  let started = false;
  let thoughts = '';
  let textSignature: string | undefined;
  let callCount = 0;
  let finishReason: string | undefined;
  let blocked = false;
  let usage: TokenUsage | undefined;

  const chunk = (delta: ChatDelta): ChatChunk => {
    id ??= randomId('gemini-');
    return { id, model, choices: [{ index: 0, delta }] };
  };

  return {
    transform(event, controller) {
      const data = (event as SSEEvent).data;
      if (typeof data !== 'string' || data.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(data);
      } catch {
        controller.error(
          new APIError('Gemini sent a stream event that is not JSON', {
            type: APIErrorType.SERVER_ERROR,
            provider: context.providerName,
          }),
        );
        return;
      }
      if (isGeminiErrorBody(parsed)) {
        controller.error(streamError(parsed, context.providerName));
        return;
      }
      const response = parsed as GeminiResponse;
      if (response.responseId !== undefined && id === undefined) id = response.responseId;
      if (response.modelVersion !== undefined) model = response.modelVersion;
      if (response.usageMetadata !== undefined) usage = toTokenUsage(response.usageMetadata);
      if (response.promptFeedback?.blockReason !== undefined) blocked = true;
      const candidate = response.candidates?.[0];
      if (candidate?.finishReason !== undefined) finishReason = candidate.finishReason;
      const delta: ChatDelta = {};
      let content = '';
      let reasoning = '';
      const toolCalls: ToolCallDelta[] = [];
      for (const part of candidate?.content?.parts ?? []) {
        const read = readPart(part);
        if (read.kind === 'thought') reasoning += read.text;
        if (read.kind === 'text') {
          content += read.text;
          if (read.signature !== undefined) textSignature = read.signature;
        }
        if (read.kind === 'call') {
          const index = callCount++;
          const call = toToolCall(turn, index, read);
          const fragment: ToolCallDelta = {
            index,
            id: call.id,
            type: 'function',
            function: { ...call.function },
          };
          if (call.signature !== undefined) {
            fragment.signature = call.signature;
            fragment.signatureSource = call.signatureSource!;
          }
          toolCalls.push(fragment);
        }
      }
      if (content === '' && reasoning === '' && toolCalls.length === 0) return;
      if (!started) delta.role = 'assistant';
      started = true;
      if (content !== '') delta.content = content;
      if (reasoning !== '') {
        delta.reasoning = reasoning;
        thoughts += reasoning;
      }
      if (toolCalls.length > 0) delta.toolCalls = toolCalls;
      controller.enqueue(chunk(delta));
    },
    flush(controller) {
      const delta: ChatDelta = started ? {} : { role: 'assistant' };
      const detail = reasoningDetail(thoughts, textSignature);
      if (detail !== undefined) delta.reasoningDetail = detail;
      const last = chunk(delta);
      last.choices[0]!.finishReason =
        blocked && finishReason === undefined
          ? 'content_filter'
          : toFinishReason(finishReason, callCount > 0);
      last.usage = usage ?? toTokenUsage(undefined);
      controller.enqueue(last);
    },
  };
}
