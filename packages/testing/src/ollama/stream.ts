import type { ServerResponse } from 'node:http';
import type { HandlerContext } from '../harness.js';
import { type ScriptedTurn, splitText } from '../script.js';
import {
  answerModel,
  createdAt,
  finalFields,
  type OllamaCounts,
  type OllamaWireMessage,
  wireToolCalls,
} from './body.js';
import { streamErrorMessage } from './errors.js';

/**
 * The `done: false` messages of a streamed answer, in order: thinking pieces, text pieces,
 * then every tool call in one line (as recorded: the whole call arrives at once).
 */
export function streamMessages(turn: ScriptedTurn, thinkingEnabled: boolean): OllamaWireMessage[] {
  const size = turn.chunkSize ?? 8;
  const messages: OllamaWireMessage[] = [];
  if (thinkingEnabled && turn.reasoning) {
    for (const piece of splitText(turn.reasoning, size)) {
      messages.push({ role: 'assistant', content: '', thinking: piece });
    }
  }
  for (const piece of splitText(turn.text ?? '', size)) {
    messages.push({ role: 'assistant', content: piece });
  }
  const calls = wireToolCalls(turn);
  if (calls.length > 0) messages.push({ role: 'assistant', content: '', tool_calls: calls });
  return messages;
}

/** Cuts the connection once what was written has left the socket (no error line, no end). */
async function dropConnection(response: ServerResponse): Promise<void> {
  const socket = response.socket;
  // An empty write's callback runs once every earlier write has been handed to the kernel.
  if (socket && !socket.destroyed) await new Promise((resolve) => socket.write('', resolve));
  response.destroy();
}

/**
 * Writes an `/api/chat` NDJSON stream (`application/x-ndjson`), line by line with backpressure:
 * `{model,created_at,message,done:false}` lines, then the `done: true` line with the statistics.
 * Honours `chunkDelayMs`, `dropAfterEvents` (destroys the socket) and `streamError` (a bare
 * `{"error":"..."}` line while the status stays 200, as Ollama does).
 */
export async function writeChatStream(
  context: HandlerContext,
  turn: ScriptedTurn,
  requestedModel: string,
  thinkingEnabled: boolean,
  counts: OllamaCounts,
): Promise<void> {
  const { response } = context;
  response.writeHead(200, { 'content-type': 'application/x-ndjson' });
  response.flushHeaders();
  const model = answerModel(turn, requestedModel);
  const created = createdAt(turn);
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  const messages = streamMessages(turn, thinkingEnabled);
  let sent = 0;
  for (const message of messages) {
    if (turn.dropAfterEvents !== undefined && sent >= turn.dropAfterEvents) {
      await dropConnection(response);
      return;
    }
    if (turn.streamError && sent >= turn.streamError.afterEvents) break;
    if (sent > 0 && turn.chunkDelayMs && !(await context.wait(turn.chunkDelayMs))) return;
    const ok = await context.write(line({ model, created_at: created, message, done: false }));
    if (!ok) return;
    sent++;
  }
  if (turn.dropAfterEvents !== undefined && sent >= turn.dropAfterEvents) {
    await dropConnection(response);
    return;
  }
  if (turn.streamError) {
    await context.write(line({ error: streamErrorMessage(turn.streamError.kind) }));
    response.end();
    return;
  }
  if (turn.chunkDelayMs && !(await context.wait(turn.chunkDelayMs))) return;
  const last = {
    model,
    created_at: created,
    message: { role: 'assistant', content: '' },
    ...finalFields(turn, counts),
  };
  if (!(await context.write(line(last)))) return;
  response.end();
}
