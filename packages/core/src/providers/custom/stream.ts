import type { CallContext } from '../../adapter/definition.js';
import { randomId, stableToolCallId } from '../../adapter/ids.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { SSEEvent } from '../../http/index.js';
import type { ChatChunk, ChatDelta, CustomConfig, ToolCallDelta } from '../../spec/index.js';
import { errorMessageIn } from './errors.js';
import { readJsonPath } from './json-path.js';
import { type CompiledMapping, compileMapping, mapFinishReason } from './mapping.js';
import { countAt, parseWithMapping, responseToChunk, textAt, usageFrom } from './response.js';

interface PendingCall {
  id: string | undefined;
  name: string;
  arguments: string;
}

/** Without `mapping.stream` the body is one ordinary response: emit it as one chunk. */
function wholeResponseTransformer(
  mapping: CompiledMapping,
  context: CallContext<CustomConfig>,
): Transformer<unknown, ChatChunk> {
  return {
    transform(value, controller) {
      controller.enqueue(responseToChunk(parseWithMapping(value, mapping, context)));
    },
  };
}

/**
 * Events → ChatChunks by `mapping.stream`: the text delta streams as it comes; finish, usage,
 * id and model are taken from whichever event carries them (last wins); tool-call fragments are
 * merged by `index` and emitted complete at the end (so ids can be derived from the whole call).
 * An error body inside the stream, or a stream cut before its end marker, errors the stream.
 */
export function createCustomStreamTransformer(
  context: CallContext<CustomConfig>,
): Transformer<SSEEvent | unknown, ChatChunk> {
  const mapping = compileMapping(context.config);
  const stream = mapping.stream;
  if (stream === undefined) return wholeResponseTransformer(mapping, context);
  const provider = context.providerName;
  const turn = context.request.messages.length;
  let id = randomId('custom-');
  let model = context.request.model;
  let started = false;
  let finished = false;
  let finish: unknown;
  let promptTokens: number | undefined;
  let completionTokens: number | undefined;
  const calls = new Map<number, PendingCall>();

  const chunk = (delta: ChatDelta): ChatChunk => {
    if (!started) {
      started = true;
      delta.role = 'assistant';
    }
    return { id, model, choices: [{ index: 0, delta }] };
  };
  const fail = (message: string, type: APIErrorType) =>
    new APIError(message, { type, provider, status: 200, code: 'stream_error' });

  const addFragments = (value: unknown) => {
    for (const fragment of Array.isArray(value) ? value : []) {
      if (typeof fragment !== 'object' || fragment === null) continue;
      const part = fragment as {
        index?: unknown;
        id?: unknown;
        function?: { name?: unknown; arguments?: unknown };
      };
      const index = typeof part.index === 'number' ? part.index : calls.size;
      const call = calls.get(index) ?? { id: undefined, name: '', arguments: '' };
      if (typeof part.id === 'string' && part.id !== '') call.id = part.id;
      if (typeof part.function?.name === 'string') call.name = part.function.name;
      const args = part.function?.arguments;
      if (typeof args === 'string') call.arguments += args;
      else if (args !== undefined) call.arguments = JSON.stringify(args);
      calls.set(index, call);
    }
  };

  return {
    transform(value, controller) {
      if (finished) return;
      let event: unknown = value;
      if (stream.format === 'sse') {
        const sse = value as SSEEvent;
        const data = String(sse.data ?? '').trim();
        if (stream.doneSentinel !== undefined && data === stream.doneSentinel) {
          finished = true;
          return;
        }
        try {
          event = JSON.parse(data);
        } catch {
          if (sse.event === 'error')
            return controller.error(fail(data || 'Stream error', APIErrorType.SERVER_ERROR));
          return controller.error(
            fail('The custom endpoint sent an event that is not JSON', APIErrorType.SERVER_ERROR),
          );
        }
        if (sse.event === 'error') {
          return controller.error(
            fail(
              errorMessageIn(event, mapping.errorMessage) ?? 'Stream error',
              APIErrorType.SERVER_ERROR,
            ),
          );
        }
      }
      const errorText = readJsonPath(event, mapping.errorMessage ?? ['error']);
      const inStreamError = errorText ? errorMessageIn(event, mapping.errorMessage) : undefined;
      if (inStreamError !== undefined)
        return controller.error(fail(inStreamError, APIErrorType.SERVER_ERROR));
      const eventId = mapping.response.id ? readJsonPath(event, mapping.response.id) : undefined;
      if (typeof eventId === 'string' || typeof eventId === 'number') id = String(eventId);
      const eventModel = mapping.response.model
        ? readJsonPath(event, mapping.response.model)
        : undefined;
      if (typeof eventModel === 'string') model = eventModel;
      const text = textAt(readJsonPath(event, stream.delta));
      if (text !== '') controller.enqueue(chunk({ content: text }));
      if (stream.toolCalls) addFragments(readJsonPath(event, stream.toolCalls));
      if (stream.finishReason) finish = readJsonPath(event, stream.finishReason) ?? finish;
      if (stream.promptTokens)
        promptTokens = countAt(readJsonPath(event, stream.promptTokens)) ?? promptTokens;
      if (stream.completionTokens) {
        completionTokens =
          countAt(readJsonPath(event, stream.completionTokens)) ?? completionTokens;
      }
      if (stream.done && readJsonPath(event, stream.done)) finished = true;
    },
    flush(controller) {
      if (!finished && (stream.done !== undefined || stream.doneSentinel !== undefined)) {
        controller.error(
          fail('The custom stream ended before its end marker', APIErrorType.NETWORK_ERROR),
        );
        return;
      }
      const ordered = [...calls.entries()].sort(([left], [right]) => left - right);
      if (ordered.length > 0) {
        const toolCalls: ToolCallDelta[] = ordered.map(([, call], index) => ({
          index,
          id: call.id ?? stableToolCallId(turn, index, call.name, call.arguments),
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        }));
        controller.enqueue(chunk({ toolCalls }));
      }
      const final = chunk({});
      final.choices[0]!.finishReason = mapFinishReason(mapping, finish, ordered.length > 0);
      final.usage = usageFrom(promptTokens, completionTokens);
      controller.enqueue(final);
    },
  };
}
