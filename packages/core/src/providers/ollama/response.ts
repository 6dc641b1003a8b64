import type { CallContext } from '../../adapter/definition.js';
import { stableToolCallId } from '../../adapter/ids.js';
import { createTokenUsage } from '../../adapter/usage.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  ChatResponse,
  FinishReason,
  LocalConfig,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../../spec/index.js';
import { errorFromStreamLine } from './errors.js';
import { OLLAMA_SOURCE } from './request.js';
import type { OllamaChatResponse, OllamaToolCall } from './wire.js';

/**
 * Ollama sends no response id: one is made from the answer's `created_at`, so the same answer
 * gets the same id streamed or not.
 */
export function responseId(body: OllamaChatResponse): string {
  return `ollama-${body.created_at ?? 'unknown'}`;
}

/** The arguments JSON string of a wire call (Ollama sends an object). */
export function argumentsJSON(call: OllamaToolCall): string {
  const value = call.function?.arguments ?? {};
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A wire call as a `ToolCall`; the id is stable for the same call in the same turn
 * (`turn` = number of request messages), streamed or not.
 */
export function toToolCall(call: OllamaToolCall, index: number, turn: number): ToolCall {
  const name = call.function?.name ?? '';
  const args = argumentsJSON(call);
  return {
    id: stableToolCallId(turn, index, name, args),
    type: 'function',
    function: { name, arguments: args },
  };
}

/** `done_reason` → finish reason; tool calls win (Ollama reports `stop` after them). */
export function finishReason(doneReason: string | undefined, hasToolCalls: boolean): FinishReason {
  if (hasToolCalls) return 'tool_calls';
  return doneReason === 'length' ? 'length' : 'stop';
}

/** `prompt_eval_count` / `eval_count` (Go omits them when zero). */
export function usageOf(body: OllamaChatResponse): TokenUsage {
  return createTokenUsage({
    promptTokens: body.prompt_eval_count ?? 0,
    completionTokens: body.eval_count ?? 0,
  });
}

/** Wire body of a non-streaming `/api/chat` answer → ChatResponse. */
export function parseOllamaResponse(
  body: unknown,
  context: CallContext<LocalConfig>,
): ChatResponse {
  if (typeof body !== 'object' || body === null) {
    throw new APIError('Ollama answered with a body that is not a JSON object', {
      type: APIErrorType.SERVER_ERROR,
      provider: context.providerName,
    });
  }
  const answer = body as OllamaChatResponse;
  if (typeof answer.error === 'string')
    throw errorFromStreamLine(answer.error, context.providerName);
  const wireCalls = answer.message?.tool_calls ?? [];
  const turn = context.request.messages.length;
  const toolCalls = wireCalls.map((call, index) => toToolCall(call, index, turn));
  const content = answer.message?.content ?? '';
  const thinking = answer.message?.thinking ?? '';
  const message: ResponseMessage = { role: 'assistant', content: content === '' ? null : content };
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  if (thinking !== '') {
    message.reasoning = thinking;
    message.reasoningDetails = [{ type: 'text', text: thinking, source: OLLAMA_SOURCE }];
  }
  return {
    id: responseId(answer),
    model: answer.model ?? context.request.model,
    choices: [
      { index: 0, message, finishReason: finishReason(answer.done_reason, toolCalls.length > 0) },
    ],
    usage: usageOf(answer),
  };
}
