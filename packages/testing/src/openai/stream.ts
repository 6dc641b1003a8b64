import type { HandlerContext } from '../harness.js';
import { type ScriptedTurn, splitText } from '../script.js';
import { obfuscation, SYSTEM_FINGERPRINT } from './common.js';
import { overloadedError, quotaError, serverError, type WireError } from './errors.js';
import type { AnswerPlan } from './plan.js';

/** What `stream_options` asked for. */
export interface StreamSettings {
  includeUsage: boolean;
  includeObfuscation: boolean;
}

/** One `data:` event: its JSON payload, and whether it carries content (for `streamError`). */
interface PlannedEvent {
  payload: Record<string, unknown>;
  content: boolean;
}

/** Reads `stream_options` from the request body. */
export function streamSettings(body: Record<string, unknown>): StreamSettings {
  const options = body.stream_options;
  const record =
    typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {};
  return {
    includeUsage: record.include_usage === true,
    includeObfuscation: record.include_obfuscation !== false,
  };
}

/**
 * The chunk sequence of `chat-completion.stream-text.sse` / `stream-tool-call.sse`: a role chunk,
 * reasoning and content deltas, each tool call's head then its argument pieces, a finish chunk
 * with an empty delta and, with `include_usage`, a `choices:[]` usage chunk. In tool-call streams
 * OpenAI puts `usage:null` before `choices` (until the finish chunk); text streams put it after.
 */
export function planEvents(
  plan: AnswerPlan,
  turn: ScriptedTurn,
  settings: StreamSettings,
): PlannedEvent[] {
  const size = turn.chunkSize ?? 8;
  const usageFirst = plan.toolCalls.length > 0;
  const chunk = (
    choices: unknown[],
    options: { usage?: unknown; usageFirst?: boolean; contentLength?: number } = {},
  ): Record<string, unknown> => {
    const payload: Record<string, unknown> = {
      id: plan.id,
      object: 'chat.completion.chunk',
      created: plan.created,
      model: plan.model,
      service_tier: 'default',
      system_fingerprint: SYSTEM_FINGERPRINT,
    };
    const usage = options.usage ?? null;
    if (settings.includeUsage && options.usageFirst) payload.usage = usage;
    payload.choices = choices;
    if (settings.includeUsage && !options.usageFirst) payload.usage = usage;
    if (settings.includeObfuscation) payload.obfuscation = obfuscation(options.contentLength ?? 0);
    return payload;
  };
  const delta = (value: Record<string, unknown>, length: number): PlannedEvent => ({
    payload: chunk([{ index: 0, delta: value, logprobs: null, finish_reason: null }], {
      usageFirst,
      contentLength: length,
    }),
    content: true,
  });

  const roleDelta =
    plan.text === undefined && plan.toolCalls.length > 0
      ? { role: 'assistant', content: null }
      : { role: 'assistant', content: '', refusal: null };
  const events: PlannedEvent[] = [{ ...delta(roleDelta, 0), content: false }];
  if (plan.reasoning !== undefined && plan.reasoningField) {
    for (const piece of splitText(plan.reasoning, size))
      events.push(delta({ [plan.reasoningField]: piece }, piece.length));
  }
  for (const piece of splitText(plan.text ?? '', size))
    events.push(delta({ content: piece }, piece.length));
  for (const [index, call] of plan.toolCalls.entries()) {
    const head = {
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '' },
    };
    events.push(delta({ tool_calls: [head] }, call.name.length));
    for (const piece of splitText(call.arguments, size)) {
      events.push(delta({ tool_calls: [{ index, function: { arguments: piece } }] }, piece.length));
    }
  }
  const finish = [{ index: 0, delta: {}, logprobs: null, finish_reason: plan.finishReason }];
  events.push({ payload: chunk(finish), content: false });
  if (settings.includeUsage)
    events.push({ payload: chunk([], { usage: plan.usage }), content: false });
  return events;
}

const streamErrorBody = (kind: 'overloaded' | 'server' | 'quota'): WireError =>
  kind === 'quota' ? quotaError() : kind === 'overloaded' ? overloadedError() : serverError();

/**
 * Writes the planned events one by one with backpressure, honouring pacing, `dropAfterEvents`
 * and `streamError` (rendered as OpenAI does: `data: {"error":{…}}`, then the stream ends without
 * `[DONE]`). Stops when the client goes away.
 */
export async function writeStream(
  context: HandlerContext,
  events: PlannedEvent[],
  turn: ScriptedTurn,
): Promise<void> {
  const { response } = context;
  let written = 0;
  let contentEvents = 0;
  for (const event of events) {
    if (turn.dropAfterEvents !== undefined && written >= turn.dropAfterEvents) {
      response.destroy();
      return;
    }
    const errorDue = event.content
      ? contentEvents >= (turn.streamError?.afterEvents ?? 0)
      : written > 0;
    if (turn.streamError && errorDue) {
      const error = { error: streamErrorBody(turn.streamError.kind) };
      if (await context.write(`data: ${JSON.stringify(error)}\n\n`)) response.end();
      return;
    }
    if (written > 0 && turn.chunkDelayMs && !(await context.wait(turn.chunkDelayMs))) return;
    if (!(await context.write(`data: ${JSON.stringify(event.payload)}\n\n`))) return;
    written++;
    if (event.content) contentEvents++;
  }
  if (turn.dropAfterEvents !== undefined && written >= turn.dropAfterEvents) {
    response.destroy();
    return;
  }
  if (await context.write('data: [DONE]\n\n')) response.end();
}
