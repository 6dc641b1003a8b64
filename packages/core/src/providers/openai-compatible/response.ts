import { randomId, stableToolCallId } from '../../adapter/ids.js';
import { createTokenUsage, EMPTY_USAGE } from '../../adapter/usage.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  ChatChoice,
  ChatResponse,
  FinishReason,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../../spec/index.js';
import type { WireChatCompletion, WireResponseMessage, WireUsage } from './wire.js';

/** What the mapping needs to know about the call. */
export interface ResponseContext {
  /** Registry id of the provider, for errors. */
  provider: string;
  /** `request.messages.length`: the turn number for stable tool-call ids. */
  turn: number;
  /** The requested model, used when the server names none. */
  model: string;
}

const finishReasons: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  tool_calls: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
};

/** Wire `finish_reason` → FinishReason; unknown or missing ones by whether tools were called. */
export function toFinishReason(
  value: string | null | undefined,
  calledTools: boolean,
): FinishReason {
  return (value ? finishReasons[value] : undefined) ?? (calledTools ? 'tool_calls' : 'stop');
}

/**
 * Wire usage → TokenUsage. `prompt_tokens` already includes cached tokens and
 * `completion_tokens` reasoning tokens, so they map one to one.
 */
export function toTokenUsage(usage: WireUsage | null | undefined): TokenUsage {
  if (!usage) return { ...EMPTY_USAGE };
  return createTokenUsage({
    promptTokens: usage.prompt_tokens ?? 0,
    completionTokens: usage.completion_tokens ?? 0,
    cachedTokens: usage.prompt_tokens_details?.cached_tokens ?? undefined,
    reasoningTokens: usage.completion_tokens_details?.reasoning_tokens ?? undefined,
  });
}

/** Reasoning text from `reasoning_content` (LM Studio, vLLM, DeepSeek) or `reasoning` (OpenRouter). */
export function reasoningText(
  message: Pick<WireResponseMessage, 'reasoning' | 'reasoning_content'>,
): string {
  const value = message.reasoning_content ?? message.reasoning;
  return typeof value === 'string' ? value : '';
}

/** Tool-call arguments as the JSON string; some servers send an object. */
export function argumentsText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function toMessage(wire: WireResponseMessage, turn: number): ResponseMessage {
  const text = wire.content || wire.refusal || '';
  const message: ResponseMessage = { role: 'assistant', content: text === '' ? null : text };
  const toolCalls: ToolCall[] = (wire.tool_calls ?? []).map((call, index) => {
    const name = call.function?.name ?? '';
    const args = argumentsText(call.function?.arguments);
    return {
      id: call.id || stableToolCallId(turn, index, name, args),
      type: 'function',
      function: { name, arguments: args },
    };
  });
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  const reasoning = reasoningText(wire);
  if (reasoning !== '') message.reasoning = reasoning;
  return message;
}

/** A non-streaming `chat.completion` → ChatResponse. */
export function toChatResponse(body: unknown, context: ResponseContext): ChatResponse {
  const completion = body as WireChatCompletion | null;
  if (typeof completion !== 'object' || completion === null || !Array.isArray(completion.choices)) {
    throw new APIError('The provider answered with a body that is not a chat completion', {
      type: APIErrorType.SERVER_ERROR,
      provider: context.provider,
      code: 'invalid_response',
    });
  }
  const choices: ChatChoice[] = completion.choices.map((choice, position) => {
    const message = toMessage(choice.message ?? {}, context.turn);
    return {
      index: choice.index ?? position,
      message,
      finishReason: toFinishReason(choice.finish_reason, (message.toolCalls?.length ?? 0) > 0),
    };
  });
  return {
    id: completion.id || randomId('chatcmpl-'),
    model: completion.model || context.model,
    choices,
    usage: toTokenUsage(completion.usage),
  };
}
