import type { CallContext } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { SSEEvent } from '../../http/index.js';
import type { AnthropicConfig, ChatChunk, ChatDelta } from '../../spec/index.js';
import { streamErrorToAPIError } from './errors.js';
import { ANTHROPIC_SOURCE } from './request-messages.js';
import { toFinishReason, toTokenUsage } from './response.js';
import type { AnthropicStreamEvent, AnthropicUsage } from './wire.js';

/** What the transformer remembers about one open content block. */
interface BlockState {
  type: string;
  thinking: string;
  signature: string;
  data: string;
  toolIndex: number;
  arguments: string;
}

/**
 * Anthropic SSE events → ChatChunks. Text, thinking and tool-argument fragments are passed on as
 * they arrive; a thinking block's complete text and signature go out once, as a
 * `reasoningDetail`, when the block stops. The last chunk carries usage (cumulative, from
 * `message_delta`) and the finish reason. An in-stream `error` event errors the stream after the
 * chunks already sent.
 */
export function createAnthropicStreamTransformer(
  context: CallContext<AnthropicConfig>,
): Transformer<SSEEvent | unknown, ChatChunk> {
  const provider = context.providerName;
  let id = '';
  let model = context.request.model;
  let usage: AnthropicUsage = {};
  let stopReason: string | null | undefined;
  let stopped = false;
  let failed = false;
  let roleSent = false;
  let toolCount = 0;
  const blocks = new Map<number, BlockState>();

  const emit = (controller: TransformStreamDefaultController<ChatChunk>, delta: ChatDelta) => {
    const withRole: ChatDelta = roleSent ? delta : { role: 'assistant', ...delta };
    roleSent = true;
    controller.enqueue({ id, model, choices: [{ index: 0, delta: withRole }] });
  };

  const fail = (controller: TransformStreamDefaultController<ChatChunk>, error: APIError) => {
    failed = true;
    controller.error(error);
  };

  const handle = (
    event: AnthropicStreamEvent,
    controller: TransformStreamDefaultController<ChatChunk>,
  ) => {
    switch (event.type) {
      case 'message_start':
        id = event.message.id ?? id;
        model = event.message.model ?? model;
        usage = { ...event.message.usage };
        return;
      case 'content_block_start': {
        const start = event.content_block;
        const block: BlockState = {
          type: start.type,
          thinking: '',
          signature: start.signature ?? '',
          data: start.data ?? '',
          toolIndex: -1,
          arguments: '',
        };
        blocks.set(event.index, block);
        if (start.type === 'text' && start.text) emit(controller, { content: start.text });
        if (start.type === 'thinking' && start.thinking) {
          block.thinking = start.thinking;
          emit(controller, { reasoning: start.thinking });
        }
        if (start.type === 'tool_use') {
          block.toolIndex = toolCount++;
          emit(controller, {
            toolCalls: [
              {
                index: block.toolIndex,
                id: start.id ?? '',
                type: 'function',
                function: { name: start.name ?? '' },
              },
            ],
          });
          // A start that already carries the whole input (some gateways) sends no deltas.
          const input = start.input;
          if (input && typeof input === 'object' && Object.keys(input).length > 0)
            block.arguments = JSON.stringify(input);
          if (block.arguments !== '')
            emit(controller, {
              toolCalls: [{ index: block.toolIndex, function: { arguments: block.arguments } }],
            });
        }
        return;
      }
      case 'content_block_delta': {
        const block = blocks.get(event.index);
        const delta = event.delta as Record<string, unknown>;
        if (delta.type === 'text_delta' && typeof delta.text === 'string')
          emit(controller, { content: delta.text });
        else if (delta.type === 'thinking_delta' && typeof delta.thinking === 'string') {
          if (block) block.thinking += delta.thinking;
          emit(controller, { reasoning: delta.thinking });
        } else if (delta.type === 'signature_delta' && typeof delta.signature === 'string') {
          if (block) block.signature += delta.signature;
        } else if (
          delta.type === 'input_json_delta' &&
          typeof delta.partial_json === 'string' &&
          block
        ) {
          if (delta.partial_json === '') return;
          block.arguments += delta.partial_json;
          emit(controller, {
            toolCalls: [{ index: block.toolIndex, function: { arguments: delta.partial_json } }],
          });
        }
        return;
      }
      case 'content_block_stop': {
        const block = blocks.get(event.index);
        if (block?.type === 'thinking') {
          const detail = { type: 'text' as const, text: block.thinking, source: ANTHROPIC_SOURCE };
          emit(controller, {
            reasoningDetail: block.signature ? { ...detail, signature: block.signature } : detail,
          });
        } else if (block?.type === 'redacted_thinking') {
          emit(controller, {
            reasoningDetail: { type: 'redacted', data: block.data, source: ANTHROPIC_SOURCE },
          });
        } else if (block?.type === 'tool_use' && block.arguments === '') {
          // A call without arguments streams only an empty fragment; the JSON response says `{}`.
          emit(controller, {
            toolCalls: [{ index: block.toolIndex, function: { arguments: '{}' } }],
          });
        }
        blocks.delete(event.index);
        return;
      }
      case 'message_delta':
        if (event.delta.stop_reason !== undefined) stopReason = event.delta.stop_reason;
        usage = { ...usage, ...event.usage };
        return;
      case 'message_stop':
        stopped = true;
        return;
      case 'error':
        fail(
          controller,
          streamErrorToAPIError(event.error, provider, context.responseHeaders.get('request-id')),
        );
        return;
      default:
        return;
    }
  };

  return {
    transform(input, controller) {
      if (failed) return;
      const data = (input as SSEEvent).data;
      let event: AnthropicStreamEvent;
      try {
        event = JSON.parse(data) as AnthropicStreamEvent;
      } catch {
        fail(
          controller,
          new APIError('Anthropic sent a stream event that is not JSON', {
            type: APIErrorType.SERVER_ERROR,
            provider,
          }),
        );
        return;
      }
      handle(event, controller);
    },
    flush(controller) {
      if (failed) return;
      if (!stopped) {
        fail(
          controller,
          new APIError('The Anthropic stream ended before message_stop', {
            type: APIErrorType.NETWORK_ERROR,
            provider,
          }),
        );
        return;
      }
      controller.enqueue({
        id,
        model,
        choices: [{ index: 0, delta: {}, finishReason: toFinishReason(stopReason, toolCount > 0) }],
        usage: toTokenUsage(usage),
      });
    },
  };
}
