import { stableToolCallId } from '../../adapter/ids.js';
import type { FinishReason, ToolCall } from '../../spec/index.js';
import type { GeminiPart } from './wire.js';

/** What a part of a model answer contributes, shared by the JSON and the stream paths. */
export type PartContribution =
  | { kind: 'text'; text: string; signature?: string }
  | { kind: 'thought'; text: string; signature?: string }
  | { kind: 'call'; name: string; argumentsJSON: string; signature?: string }
  | { kind: 'other' };

/** Classifies one part of a Gemini answer. */
export function readPart(part: GeminiPart): PartContribution {
  const signature =
    typeof part.thoughtSignature === 'string' && part.thoughtSignature !== ''
      ? part.thoughtSignature
      : undefined;
  const withSignature = <T extends object>(value: T) =>
    signature === undefined ? value : { ...value, signature };
  if (part.functionCall !== undefined) {
    return withSignature({
      kind: 'call' as const,
      name: part.functionCall.name,
      argumentsJSON: JSON.stringify(part.functionCall.args ?? {}),
    });
  }
  if (typeof part.text === 'string') {
    return withSignature({
      kind: part.thought === true ? ('thought' as const) : ('text' as const),
      text: part.text,
    });
  }
  return { kind: 'other' };
}

/** The provider type whose signatures this adapter produces and replays. */
export const SIGNATURE_SOURCE = 'google';

/** A `ToolCall` from a functionCall part (Gemini sends no ids: a stable one is derived). */
export function toToolCall(
  turn: number,
  index: number,
  call: { name: string; argumentsJSON: string; signature?: string },
): ToolCall {
  const toolCall: ToolCall = {
    id: stableToolCallId(turn, index, call.name, call.argumentsJSON),
    type: 'function',
    function: { name: call.name, arguments: call.argumentsJSON },
  };
  if (call.signature !== undefined) {
    toolCall.signature = call.signature;
    toolCall.signatureSource = SIGNATURE_SOURCE;
  }
  return toolCall;
}

/** Gemini's `finishReason` in ThinkBackCode's terms; calls turn STOP into `tool_calls`. */
export function toFinishReason(reason: string | undefined, hasCalls: boolean): FinishReason {
  switch (reason) {
    case 'MAX_TOKENS':
      return 'length';
    case 'SAFETY':
    case 'RECITATION':
    case 'BLOCKLIST':
    case 'PROHIBITED_CONTENT':
    case 'SPII':
    case 'IMAGE_SAFETY':
      return 'content_filter';
    default:
      return hasCalls ? 'tool_calls' : 'stop';
  }
}
