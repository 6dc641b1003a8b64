import { DEFAULT_CREATED, estimateTokens, type ScriptedTurn } from '../script.js';

/** An Ollama tool call: arguments as an object, no id (as recorded). */
export interface OllamaWireToolCall {
  function: { name: string; arguments: unknown };
}

/** `message` of an `/api/chat` answer, keys in Go struct order (role, content, thinking, tool_calls). */
export interface OllamaWireMessage {
  role: 'assistant';
  content: string;
  thinking?: string;
  tool_calls?: OllamaWireToolCall[];
}

/** Token counts reported in the final `done: true` object. */
export interface OllamaCounts {
  promptEvalCount: number;
  evalCount: number;
}

/**
 * Ollama's `created_at`: RFC 3339 with nanoseconds and trailing zeros trimmed (Go's
 * `time.RFC3339Nano`), derived from the turn's fixed `created` seconds so runs are reproducible.
 * Every line of one response carries the same value.
 */
export function createdAt(turn: ScriptedTurn): string {
  const seconds = turn.created ?? DEFAULT_CREATED;
  return new Date(Math.floor(seconds * 1000)).toISOString().replace(/\.000Z$/, 'Z');
}

/** The tool calls as Ollama sends them; a raw-string argument is sent as Ollama would fail to parse it: verbatim. */
export function wireToolCalls(turn: ScriptedTurn): OllamaWireToolCall[] {
  return (turn.toolCalls ?? []).map((call) => ({
    function: { name: call.name, arguments: call.arguments },
  }));
}

/** Usage figures for a turn: scripted, or estimated from the request and the answer. */
export function turnCounts(turn: ScriptedTurn, requestBody: unknown): OllamaCounts {
  if (turn.usage) {
    return {
      promptEvalCount: turn.usage.inputTokens + (turn.usage.cachedTokens ?? 0),
      evalCount: turn.usage.outputTokens + (turn.usage.reasoningTokens ?? 0),
    };
  }
  const messages =
    typeof requestBody === 'object' && requestBody !== null && 'messages' in requestBody
      ? JSON.stringify(requestBody.messages)
      : '';
  const calls = (turn.toolCalls ?? []).map((call) => JSON.stringify(call)).join('');
  return {
    promptEvalCount: estimateTokens(messages),
    evalCount: estimateTokens((turn.reasoning ?? '') + (turn.text ?? '') + calls),
  };
}

/** Ollama's `done_reason`: `length` when cut off, otherwise `stop` (also after tool calls, as recorded). */
export function doneReason(turn: ScriptedTurn): 'stop' | 'length' {
  return turn.finishReason === 'length' ? 'length' : 'stop';
}

/**
 * The statistics that close an answer, in the recorded key order. Go omits zero counts
 * (`omitempty`), so a count of 0 leaves its key out, as the real server does.
 */
export function finalFields(turn: ScriptedTurn, counts: OllamaCounts): Record<string, unknown> {
  const evalDuration = counts.evalCount * 9_000_000;
  const promptDuration = counts.promptEvalCount * 500_000;
  const loadDuration = 15_000_000;
  const fields: Record<string, unknown> = {
    done_reason: doneReason(turn),
    done: true,
    total_duration: loadDuration + promptDuration + evalDuration + 1_000_000,
    load_duration: loadDuration,
  };
  if (counts.promptEvalCount > 0) {
    fields.prompt_eval_count = counts.promptEvalCount;
    fields.prompt_eval_duration = promptDuration;
  }
  if (counts.evalCount > 0) {
    fields.eval_count = counts.evalCount;
    fields.eval_duration = evalDuration;
  }
  return fields;
}

/** The model name echoed back: the turn's, else the requested one. */
export function answerModel(turn: ScriptedTurn, requestedModel: string): string {
  return turn.model ?? requestedModel;
}

/**
 * The non-streaming `/api/chat` body (`stream: false`): the whole message plus the final
 * statistics, in the recorded key order.
 */
export function chatBody(
  turn: ScriptedTurn,
  requestedModel: string,
  thinkingEnabled: boolean,
  counts: OllamaCounts,
): Record<string, unknown> {
  const message: OllamaWireMessage = { role: 'assistant', content: turn.text ?? '' };
  if (thinkingEnabled && turn.reasoning) message.thinking = turn.reasoning;
  const calls = wireToolCalls(turn);
  if (calls.length > 0) message.tool_calls = calls;
  return {
    model: answerModel(turn, requestedModel),
    created_at: createdAt(turn),
    message,
    ...finalFields(turn, counts),
  };
}
