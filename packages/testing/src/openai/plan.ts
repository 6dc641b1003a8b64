import { argumentsJSON, DEFAULT_CREATED, type ScriptedTurn } from '../script.js';
import {
  completionId,
  finishReason,
  type ReasoningField,
  scriptedUsage,
  toolCallId,
  type WireUsage,
  wireUsage,
} from './common.js';

/** A tool call as it will be sent. */
export interface PlannedToolCall {
  id: string;
  name: string;
  arguments: string;
}

/** Everything one answer contains, shared by the streaming and the non-streaming writer. */
export interface AnswerPlan {
  id: string;
  created: number;
  model: string;
  text: string | undefined;
  /** Reasoning text, only when the simulated server sends it (`reasoningField` set). */
  reasoning: string | undefined;
  reasoningField: ReasoningField | undefined;
  toolCalls: PlannedToolCall[];
  finishReason: string;
  usage: WireUsage;
}

/** Resolves a scripted turn against the request into what will be sent. */
export function planAnswer(
  turn: ScriptedTurn,
  requestBody: Record<string, unknown>,
  reasoningField: ReasoningField | undefined,
): AnswerPlan {
  const requestedModel = typeof requestBody.model === 'string' ? requestBody.model : 'gpt-4.1-nano';
  return {
    id: turn.id ?? completionId(),
    created: turn.created ?? DEFAULT_CREATED,
    model: turn.model ?? requestedModel,
    text: turn.text,
    reasoning: reasoningField && turn.reasoning ? turn.reasoning : undefined,
    reasoningField,
    toolCalls: (turn.toolCalls ?? []).map((call) => ({
      id: call.id ?? toolCallId(),
      name: call.name,
      arguments: argumentsJSON(call),
    })),
    finishReason: finishReason(turn),
    usage: wireUsage(scriptedUsage(turn, requestBody)),
  };
}
