import { argumentsJSON, estimateTokens, type ScriptedTurn } from '../script.js';
import { toolUseId } from './headers.js';
import type { ThinkingSigner } from './signature.js';

/** A content block the simulated model produces, in the API's key order. */
export type OutputBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | {
      type: 'tool_use';
      id: string;
      name: string;
      input: unknown;
      caller: { type: 'direct' };
    };

/** Token counts of one answer, as the API reports them. */
export interface OutputUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
  thinking_tokens: number | undefined;
}

/** Everything one scripted turn answers, shared by the JSON and the streaming renderers. */
export interface TurnOutput {
  id: string;
  model: string;
  blocks: OutputBlock[];
  /** Raw argument JSON of each tool_use block, by block index (streamed as `partial_json`). */
  argumentText: Map<number, string>;
  stopReason: 'end_turn' | 'max_tokens' | 'tool_use' | 'refusal';
  usage: OutputUsage;
}

const stopReasons = {
  stop: 'end_turn',
  length: 'max_tokens',
  tool_calls: 'tool_use',
  content_filter: 'refusal',
} as const;

function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // The real API always sends an object; a scripted invalid argument string is passed as-is so
    // adapters can be tested against a model that emitted broken JSON.
    return text;
  }
}

/**
 * Builds the answer of `turn` to a request. Thinking appears only when the request enabled it,
 * as on the real API; its signature is issued by `signer` so a later replay can be checked.
 */
export function buildTurnOutput(
  turn: ScriptedTurn,
  request: { model: string; messages: unknown; thinkingEnabled: boolean },
  signer: ThinkingSigner,
  fallbackId: string,
): TurnOutput {
  const blocks: OutputBlock[] = [];
  const argumentText = new Map<number, string>();
  if (request.thinkingEnabled && turn.reasoning) {
    blocks.push({
      type: 'thinking',
      thinking: turn.reasoning,
      signature: signer.sign(turn.reasoning, turn.signature),
    });
  }
  if (turn.text) blocks.push({ type: 'text', text: turn.text });
  for (const call of turn.toolCalls ?? []) {
    const text = argumentsJSON(call);
    argumentText.set(blocks.length, text);
    blocks.push({
      type: 'tool_use',
      id: call.id ?? toolUseId(),
      name: call.name,
      input: parseArguments(text),
      caller: { type: 'direct' },
    });
  }
  const hasToolCalls = (turn.toolCalls?.length ?? 0) > 0;
  const finish = turn.finishReason ?? (hasToolCalls ? 'tool_calls' : 'stop');
  const visible =
    (turn.text ?? '') + (turn.toolCalls ?? []).map((call) => argumentsJSON(call)).join('');
  const thinkingTokens = blocks[0]?.type === 'thinking' ? estimateTokens(turn.reasoning ?? '') : 0;
  const scripted = turn.usage;
  const thinking = scripted ? (scripted.reasoningTokens ?? 0) : thinkingTokens;
  return {
    id: turn.id ?? fallbackId,
    model: turn.model ?? request.model,
    blocks,
    argumentText,
    stopReason: stopReasons[finish],
    usage: {
      input_tokens: scripted?.inputTokens ?? estimateTokens(JSON.stringify(request.messages)),
      cache_creation_input_tokens: scripted?.cacheWriteTokens ?? 0,
      cache_read_input_tokens: scripted?.cachedTokens ?? 0,
      // Anthropic counts thinking in `output_tokens`.
      output_tokens: (scripted?.outputTokens ?? estimateTokens(visible)) + thinking,
      thinking_tokens: thinking > 0 ? thinking : undefined,
    },
  };
}

/**
 * The `usage` object of a full message, keys in the API's order. At `message_start` the real API
 * reports only the first few output tokens and no `output_tokens_details`.
 */
export function messageUsage(usage: OutputUsage, startOfStream = false): unknown {
  const outputTokens = startOfStream ? Math.min(usage.output_tokens, 1) : usage.output_tokens;
  const body: Record<string, unknown> = {
    input_tokens: usage.input_tokens,
    cache_creation_input_tokens: usage.cache_creation_input_tokens,
    cache_read_input_tokens: usage.cache_read_input_tokens,
    cache_creation: {
      ephemeral_5m_input_tokens: usage.cache_creation_input_tokens,
      ephemeral_1h_input_tokens: 0,
    },
    output_tokens: outputTokens,
  };
  if (usage.thinking_tokens !== undefined && !startOfStream) {
    body.output_tokens_details = { thinking_tokens: usage.thinking_tokens };
  }
  body.service_tier = 'standard';
  body.inference_geo = 'not_available';
  return body;
}

/** The full non-streaming message body, keys in the recorded order. */
export function messageBody(output: TurnOutput): unknown {
  return {
    model: output.model,
    id: output.id,
    type: 'message',
    role: 'assistant',
    content: output.blocks,
    stop_reason: output.stopReason,
    stop_sequence: null,
    stop_details: null,
    usage: messageUsage(output.usage),
  };
}
