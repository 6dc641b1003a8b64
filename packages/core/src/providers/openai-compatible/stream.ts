import { randomId, stableToolCallId } from '../../adapter/ids.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { SSEEvent } from '../../http/index.js';
import type {
  ChatChunk,
  ChatDelta,
  FinishReason,
  TokenUsage,
  ToolCallDelta,
} from '../../spec/index.js';
import { streamError } from './errors.js';
import {
  argumentsText,
  type ResponseContext,
  reasoningText,
  toFinishReason,
  toTokenUsage,
} from './response.js';
import type { WireChatChunk, WireToolCallDelta } from './wire.js';

/** A call whose server sent no id: held until the end, then sent whole with a stable id. */
interface HeldCall {
  name: string;
  arguments: string;
}

const isEvent = (value: unknown): value is SSEEvent =>
  typeof value === 'object' && value !== null && typeof (value as SSEEvent).data === 'string';

/**
 * Chat Completions SSE → ChatChunks. Content, reasoning (`reasoning_content` / `reasoning`) and
 * tool-call fragments pass through as they arrive; the first fragment of a call carries its id,
 * type and name, later ones only arguments. `finish_reason` and the usage chunk are held so that
 * `flush` sends them together as the last chunk. `data: {"error":…}` errors the stream after what
 * arrived; a stream that ends with neither a finish reason nor `[DONE]` was cut off.
 */
export function createOpenAICompatibleStreamTransformer(
  context: ResponseContext,
): Transformer<SSEEvent | unknown, ChatChunk> {
  let id = '';
  let model = context.model;
  let usage: TokenUsage | undefined;
  let done = false;
  const finishes = new Map<number, FinishReason>();
  const started = new Set<number>();
  const held = new Map<number, HeldCall>();
  const calledTools = new Set<number>();

  const toolDeltas = (fragments: WireToolCallDelta[], choiceIndex: number): ToolCallDelta[] => {
    const deltas: ToolCallDelta[] = [];
    for (const [position, fragment] of fragments.entries()) {
      const index = fragment.index ?? position;
      const args = argumentsText(fragment.function?.arguments);
      calledTools.add(choiceIndex);
      const waiting = held.get(index);
      if (waiting) {
        waiting.name += fragment.function?.name ?? '';
        waiting.arguments += args;
      } else if (!started.has(index) && !fragment.id) {
        held.set(index, { name: fragment.function?.name ?? '', arguments: args });
      } else if (!started.has(index)) {
        started.add(index);
        const head: ToolCallDelta = {
          index,
          id: fragment.id ?? '',
          type: 'function',
          function: { name: fragment.function?.name ?? '' },
        };
        if (args !== '') head.function.arguments = args;
        deltas.push(head);
      } else if (args !== '') {
        deltas.push({ index, function: { arguments: args } });
      }
    }
    return deltas;
  };

  return {
    transform(event, controller) {
      if (!isEvent(event)) return;
      const data = event.data.trim();
      if (data === '[DONE]') {
        done = true;
        return;
      }
      let chunk: WireChatChunk;
      try {
        chunk = JSON.parse(data) as WireChatChunk;
      } catch (error) {
        controller.error(
          new APIError('The provider sent a stream event that is not JSON', {
            type: APIErrorType.SERVER_ERROR,
            provider: context.provider,
            code: 'invalid_stream',
            cause: error,
          }),
        );
        return;
      }
      if (chunk.error !== undefined && chunk.error !== null) {
        controller.error(streamError(chunk.error, context.provider));
        return;
      }
      if (!id) id = chunk.id || randomId('chatcmpl-');
      if (chunk.model) model = chunk.model;
      if (chunk.usage) usage = toTokenUsage(chunk.usage);
      for (const [position, choice] of (chunk.choices ?? []).entries()) {
        const index = choice.index ?? position;
        const wire = choice.delta ?? {};
        const delta: ChatDelta = {};
        if (wire.role === 'assistant') delta.role = 'assistant';
        const reasoning = reasoningText(wire);
        if (reasoning !== '') delta.reasoning = reasoning;
        const text = (wire.content ?? '') + (wire.refusal ?? '');
        if (text !== '') delta.content = text;
        const calls = toolDeltas(wire.tool_calls ?? [], index);
        if (calls.length > 0) delta.toolCalls = calls;
        if (choice.finish_reason)
          finishes.set(index, toFinishReason(choice.finish_reason, calledTools.has(index)));
        if (Object.keys(delta).length > 0)
          controller.enqueue({ id, model, choices: [{ index, delta }] });
      }
    },
    flush(controller) {
      if (finishes.size === 0 && !done) {
        controller.error(
          new APIError('The stream ended before the response was complete', {
            type: APIErrorType.NETWORK_ERROR,
            provider: context.provider,
            code: 'stream_truncated',
          }),
        );
        return;
      }
      const heldCalls: ToolCallDelta[] = [...held.entries()]
        .sort(([left], [right]) => left - right)
        .map(([index, call]) => ({
          index,
          id: stableToolCallId(context.turn, index, call.name, call.arguments),
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }));
      if (heldCalls.length > 0)
        controller.enqueue({ id, model, choices: [{ index: 0, delta: { toolCalls: heldCalls } }] });
      if (finishes.size === 0) finishes.set(0, toFinishReason(undefined, calledTools.has(0)));
      const choices = [...finishes.entries()]
        .sort(([left], [right]) => left - right)
        .map(([index, finishReason]) => ({ index, delta: {}, finishReason }));
      controller.enqueue({ id, model, choices, usage: usage ?? toTokenUsage(undefined) });
    },
  };
}
