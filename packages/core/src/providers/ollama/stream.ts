import type { CallContext } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatChunk, ChatDelta, LocalConfig, ReasoningDetail } from '../../spec/index.js';
import { errorFromStreamLine } from './errors.js';
import { OLLAMA_SOURCE } from './request.js';
import { finishReason, responseId, toToolCall, usageOf } from './response.js';
import type { OllamaChatResponse } from './wire.js';

/**
 * Ollama NDJSON lines → ChatChunks. Each `done: false` line carries a piece of `thinking`,
 * `content`, or whole tool calls; the `done: true` line may still carry content (a short answer
 * can arrive in it alone) and always the counts. Thinking pieces stream as `reasoning`; the
 * complete block is sent once as `reasoningDetail` when the first non-thinking output (or the
 * end) arrives. A `{"error":...}` line errors the stream after what already arrived.
 */
export function createOllamaStreamTransformer(
  context: CallContext<LocalConfig>,
): Transformer<unknown, ChatChunk> {
  const provider = context.providerName;
  const turn = context.request.messages.length;
  let model = context.request.model;
  let id = '';
  let started = false;
  let thinking = '';
  let thinkingClosed = false;
  let toolCallCount = 0;
  let last: OllamaChatResponse | undefined;

  const chunk = (delta: ChatDelta): ChatChunk => {
    if (!started) {
      started = true;
      delta.role = 'assistant';
    }
    return { id, model, choices: [{ index: 0, delta }] };
  };
  const closeThinking = (): ReasoningDetail | undefined => {
    if (thinking === '' || thinkingClosed) return undefined;
    thinkingClosed = true;
    return { type: 'text', text: thinking, source: OLLAMA_SOURCE };
  };

  return {
    transform(value, controller) {
      if (typeof value !== 'object' || value === null) return;
      const line = value as OllamaChatResponse;
      if (typeof line.error === 'string') {
        controller.error(errorFromStreamLine(line.error, provider));
        return;
      }
      if (line.model) model = line.model;
      id = responseId(line);
      const message = line.message ?? {};
      if (message.thinking) {
        thinking += message.thinking;
        controller.enqueue(chunk({ reasoning: message.thinking }));
      }
      const calls = message.tool_calls ?? [];
      if (message.content || calls.length > 0) {
        const detail = closeThinking();
        if (detail) controller.enqueue(chunk({ reasoningDetail: detail }));
      }
      if (message.content) controller.enqueue(chunk({ content: message.content }));
      if (calls.length > 0) {
        const toolCalls = calls.map((call) => {
          const index = toolCallCount++;
          const { id: callId, function: fn } = toToolCall(call, index, turn);
          return { index, id: callId, type: 'function' as const, function: fn };
        });
        controller.enqueue(chunk({ toolCalls }));
      }
      if (line.done) last = line;
    },
    flush(controller) {
      if (last === undefined) {
        controller.error(
          new APIError('The Ollama stream ended before its final (done) line', {
            type: APIErrorType.NETWORK_ERROR,
            provider,
          }),
        );
        return;
      }
      const delta: ChatDelta = {};
      const detail = closeThinking();
      if (detail) delta.reasoningDetail = detail;
      const final = chunk(delta);
      final.choices[0]!.finishReason = finishReason(last.done_reason, toolCallCount > 0);
      final.usage = usageOf(last);
      controller.enqueue(final);
    },
  };
}
