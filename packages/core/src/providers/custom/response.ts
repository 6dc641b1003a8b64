import type { CallContext } from '../../adapter/definition.js';
import { randomId, stableToolCallId } from '../../adapter/ids.js';
import { createTokenUsage } from '../../adapter/usage.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  ChatChunk,
  ChatDelta,
  ChatResponse,
  CustomConfig,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../../spec/index.js';
import { readJsonPath } from './json-path.js';
import { type CompiledMapping, compileMapping, mapFinishReason } from './mapping.js';

/** A count read from a response (non-negative finite numbers only). */
export function countAt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Token usage from the two counts (0 when the endpoint reports none). */
export function usageFrom(prompt: number | undefined, completion: number | undefined): TokenUsage {
  return createTokenUsage({ promptTokens: prompt ?? 0, completionTokens: completion ?? 0 });
}

/** One OpenAI-shaped call `{id?, function:{name, arguments}}` → ToolCall (stable id when none). */
export function toToolCall(value: unknown, index: number, turn: number): ToolCall | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const call = value as { id?: unknown; function?: { name?: unknown; arguments?: unknown } };
  const name = call.function?.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const raw = call.function?.arguments;
  const args = typeof raw === 'string' ? raw : JSON.stringify(raw ?? {});
  return {
    id:
      typeof call.id === 'string' && call.id !== ''
        ? call.id
        : stableToolCallId(turn, index, name, args),
    type: 'function',
    function: { name, arguments: args },
  };
}

/** Builds the response message the same way for both paths. */
export function buildMessage(text: string, toolCalls: ToolCall[]): ResponseMessage {
  const message: ResponseMessage = { role: 'assistant', content: text === '' ? null : text };
  if (toolCalls.length > 0) message.toolCalls = toolCalls;
  return message;
}

/** The text at a path: strings as-is, numbers and booleans as text, anything else empty. */
export function textAt(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** A non-streaming body read through `mapping.response`. */
export function parseWithMapping(
  body: unknown,
  mapping: CompiledMapping,
  context: CallContext<CustomConfig>,
): ChatResponse {
  const paths = mapping.response;
  const text = readJsonPath(body, paths.text);
  if (text === undefined && paths.toolCalls === undefined) {
    throw new APIError('The custom endpoint answered without a value at mapping.response.text', {
      type: APIErrorType.SERVER_ERROR,
      provider: context.providerName,
      code: 'unexpected_response',
    });
  }
  const turn = context.request.messages.length;
  const rawCalls = paths.toolCalls ? readJsonPath(body, paths.toolCalls) : undefined;
  const toolCalls = (Array.isArray(rawCalls) ? rawCalls : [])
    .map((call, index) => toToolCall(call, index, turn))
    .filter((call): call is ToolCall => call !== undefined);
  const id = paths.id ? readJsonPath(body, paths.id) : undefined;
  const model = paths.model ? readJsonPath(body, paths.model) : undefined;
  return {
    id: typeof id === 'string' || typeof id === 'number' ? String(id) : randomId('custom-'),
    model: typeof model === 'string' ? model : context.request.model,
    choices: [
      {
        index: 0,
        message: buildMessage(textAt(text), toolCalls),
        finishReason: mapFinishReason(
          mapping,
          paths.finishReason ? readJsonPath(body, paths.finishReason) : undefined,
          toolCalls.length > 0,
        ),
      },
    ],
    usage: usageFrom(
      paths.promptTokens ? countAt(readJsonPath(body, paths.promptTokens)) : undefined,
      paths.completionTokens ? countAt(readJsonPath(body, paths.completionTokens)) : undefined,
    ),
  };
}

/** `parseChatResponse` of the custom definition. */
export function parseCustomResponse(
  body: unknown,
  context: CallContext<CustomConfig>,
): ChatResponse {
  return parseWithMapping(body, compileMapping(context.config), context);
}

/** A whole response as the one chunk of a stream (for endpoints without a streaming mapping). */
export function responseToChunk(response: ChatResponse): ChatChunk {
  const choice = response.choices[0]!;
  const delta: ChatDelta = { role: 'assistant' };
  if (choice.message.content !== null) delta.content = choice.message.content;
  const calls = choice.message.toolCalls ?? [];
  if (calls.length > 0) delta.toolCalls = calls.map((call, index) => ({ index, ...call }));
  return {
    id: response.id,
    model: response.model,
    choices: [{ index: 0, delta, finishReason: choice.finishReason }],
    usage: response.usage,
  };
}
