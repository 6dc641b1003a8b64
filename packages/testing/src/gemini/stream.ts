import type { HandlerContext } from '../harness.js';
import { type ScriptedTurn, splitText } from '../script.js';
import { streamErrorBody } from './errors.js';
import { STREAM_HEADERS } from './headers.js';
import { googleStreamJSON } from './json.js';
import {
  candidate,
  functionCallParts,
  type GeminiAnswerPlan,
  type GeminiPart,
  usageMetadata,
} from './response.js';

/**
 * The `GenerateContentResponse` chunks of a streamed answer, as Gemini sends them: thought parts
 * first (usage without candidates), then text pieces (cumulative usage on every chunk), then one
 * chunk with every functionCall part (or, for Gemini 3 text answers, an empty text part carrying
 * the thought signature) with `finishReason`.
 */
export function streamChunks(plan: GeminiAnswerPlan, chunkSize: number): Record<string, unknown>[] {
  const chunks: Record<string, unknown>[] = [];
  const envelope = (parts: GeminiPart[], finish: boolean, usage: Record<string, unknown>) => ({
    candidates: [candidate(parts, finish ? plan.finishReason : undefined, plan.calls.length > 0)],
    usageMetadata: usage,
    modelVersion: plan.modelVersion,
    responseId: plan.responseId,
  });
  for (const piece of splitText(plan.thoughts ?? '', chunkSize)) {
    chunks.push(
      envelope([{ text: piece, thought: true }], false, usageMetadata(plan.counts, false, false)),
    );
  }
  const pieces = splitText(plan.text, chunkSize);
  const closesWithText = plan.calls.length === 0 && plan.textSignature === undefined;
  for (const [index, piece] of pieces.entries()) {
    const last = index === pieces.length - 1;
    const candidates = Math.round((plan.counts.candidates * (index + 1)) / pieces.length);
    chunks.push(
      envelope(
        [{ text: piece }],
        last && closesWithText,
        usageMetadata(plan.counts, candidates, true),
      ),
    );
  }
  const finalUsage = usageMetadata(plan.counts, plan.counts.candidates, true);
  if (plan.calls.length > 0) chunks.push(envelope(functionCallParts(plan), true, finalUsage));
  else if (plan.textSignature !== undefined) {
    chunks.push(envelope([{ text: '', thoughtSignature: plan.textSignature }], true, finalUsage));
  } else if (pieces.length === 0) chunks.push(envelope([{ text: '' }], true, finalUsage));
  return chunks;
}

/**
 * Writes a streamed answer event by event with backpressure: SSE `data:` events separated by
 * CRLF CRLF (`alt=sse`), or Gemini's JSON-array stream without it. Honours pacing, in-stream
 * errors (an error object as a data event, then the end) and dropped connections.
 */
export async function writeStream(
  context: HandlerContext,
  turn: ScriptedTurn,
  plan: GeminiAnswerPlan,
  sse: boolean,
): Promise<void> {
  const { response } = context;
  const chunks = streamChunks(plan, turn.chunkSize ?? 8);
  response.writeHead(
    200,
    'OK',
    sse
      ? { ...STREAM_HEADERS }
      : { ...STREAM_HEADERS, 'content-type': 'application/json; charset=UTF-8' },
  );
  response.flushHeaders();
  const encode = (value: unknown, index: number) =>
    sse
      ? `data: ${googleStreamJSON(value)}\r\n\r\n`
      : `${index === 0 ? '[' : '\n,\r\n'}${JSON.stringify(value, null, 2)}`;
  for (const [index, chunk] of chunks.entries()) {
    if (turn.dropAfterEvents !== undefined && index >= turn.dropAfterEvents) {
      response.destroy();
      return;
    }
    if (turn.streamError !== undefined && index >= turn.streamError.afterEvents) {
      await context.write(encode(streamErrorBody(turn.streamError.kind, plan.modelVersion), index));
      response.end(sse ? undefined : '\n]');
      return;
    }
    if (index > 0 && turn.chunkDelayMs !== undefined && !(await context.wait(turn.chunkDelayMs)))
      return;
    if (!(await context.write(encode(chunk, index)))) return;
  }
  if (turn.dropAfterEvents !== undefined && chunks.length >= turn.dropAfterEvents) {
    response.destroy();
    return;
  }
  if (turn.streamError !== undefined) {
    await context.write(
      encode(streamErrorBody(turn.streamError.kind, plan.modelVersion), chunks.length),
    );
  }
  response.end(sse ? undefined : '\n]');
}
