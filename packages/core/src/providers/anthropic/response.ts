import type { CallContext } from '../../adapter/definition.js';
import { createTokenUsage } from '../../adapter/usage.js';
import type {
  AnthropicConfig,
  ChatResponse,
  FinishReason,
  ReasoningDetail,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../../spec/index.js';
import { ANTHROPIC_SOURCE } from './request-messages.js';
import type { AnthropicMessageResponse, AnthropicUsage } from './wire.js';

/** `stop_reason` → finish reason (`pause_turn`: a server tool paused; the turn is complete as sent). */
export function toFinishReason(
  stopReason: string | null | undefined,
  hasToolCalls: boolean,
): FinishReason {
  switch (stopReason) {
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    default:
      return hasToolCalls ? 'tool_calls' : 'stop';
  }
}

/**
 * Anthropic usage → TokenUsage: `input_tokens` excludes cache reads and writes, so the prompt is
 * their sum; thinking is part of `output_tokens`.
 */
export function toTokenUsage(usage: AnthropicUsage | undefined): TokenUsage {
  const input = usage?.input_tokens ?? 0;
  const cacheRead = usage?.cache_read_input_tokens ?? 0;
  const cacheWrite = usage?.cache_creation_input_tokens ?? 0;
  return createTokenUsage({
    promptTokens: input + cacheRead + cacheWrite,
    completionTokens: usage?.output_tokens ?? 0,
    cachedTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: usage?.output_tokens_details?.thinking_tokens ?? undefined,
  });
}

/** A tool_use `input` as the JSON arguments string. */
export const argumentsText = (input: unknown): string =>
  typeof input === 'string' ? input : JSON.stringify(input ?? {});

/** `POST /v1/messages` body → ChatResponse. */
export function parseAnthropicResponse(
  body: unknown,
  context: CallContext<AnthropicConfig>,
): ChatResponse {
  const message = body as AnthropicMessageResponse;
  let text = '';
  let hasText = false;
  let reasoning = '';
  const details: ReasoningDetail[] = [];
  const toolCalls: ToolCall[] = [];
  for (const block of Array.isArray(message.content) ? message.content : []) {
    if (block.type === 'text' && typeof block.text === 'string') {
      text += block.text;
      hasText = hasText || block.text !== '';
    } else if (block.type === 'thinking') {
      const thinking = block.thinking ?? '';
      reasoning += thinking;
      const detail: ReasoningDetail = { type: 'text', text: thinking, source: ANTHROPIC_SOURCE };
      if (block.signature) detail.signature = block.signature;
      details.push(detail);
    } else if (block.type === 'redacted_thinking' && typeof block.data === 'string') {
      details.push({ type: 'redacted', data: block.data, source: ANTHROPIC_SOURCE });
    } else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id ?? '',
        type: 'function',
        function: { name: block.name ?? '', arguments: argumentsText(block.input) },
      });
    }
  }
  const result: ResponseMessage = { role: 'assistant', content: hasText ? text : null };
  if (toolCalls.length > 0) result.toolCalls = toolCalls;
  if (reasoning !== '') result.reasoning = reasoning;
  if (details.length > 0) result.reasoningDetails = details;
  return {
    id: message.id,
    model: message.model ?? context.request.model,
    choices: [
      {
        index: 0,
        message: result,
        finishReason: toFinishReason(message.stop_reason, toolCalls.length > 0),
      },
    ],
    usage: toTokenUsage(message.usage),
  };
}
