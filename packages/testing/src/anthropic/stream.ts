import type { HandlerContext } from '../harness.js';
import { type ScriptedTurn, splitText } from '../script.js';
import { messageUsage, type OutputBlock, type TurnOutput } from './content.js';
import { streamErrorPayload } from './errors.js';

/** One server-sent event: its name and its exact `data:` text. */
export interface WireEvent {
  event: string;
  data: string;
}

const event = (name: string, payload: unknown): WireEvent => ({
  event: name,
  data: JSON.stringify(payload),
});

// The real API writes the ping payload with a space after the colon.
const PING: WireEvent = { event: 'ping', data: '{"type": "ping"}' };

function startBlock(block: OutputBlock): unknown {
  if (block.type === 'thinking') return { type: 'thinking', thinking: '', signature: '' };
  if (block.type === 'text') return { type: 'text', text: '' };
  return { type: 'tool_use', id: block.id, name: block.name, input: {}, caller: block.caller };
}

function blockDeltas(
  block: OutputBlock,
  argumentText: string | undefined,
  size: number,
): unknown[] {
  if (block.type === 'thinking') {
    return [
      ...splitText(block.thinking, size).map((thinking) => ({ type: 'thinking_delta', thinking })),
      { type: 'signature_delta', signature: block.signature },
    ];
  }
  if (block.type === 'text') {
    return splitText(block.text, size).map((text) => ({ type: 'text_delta', text }));
  }
  // The first input_json_delta is always empty, as recorded.
  const pieces = ['', ...splitText(argumentText ?? '', size)];
  return pieces.map((partial) => ({ type: 'input_json_delta', partial_json: partial }));
}

/**
 * The events of a streamed answer in the real order: message_start, then per block
 * content_block_start (a ping after the first), deltas and content_block_stop, then
 * message_delta with the stop reason and cumulative usage, then message_stop.
 */
export function streamEvents(output: TurnOutput, chunkSize: number): WireEvent[] {
  const events: WireEvent[] = [
    event('message_start', {
      type: 'message_start',
      message: {
        model: output.model,
        id: output.id,
        type: 'message',
        role: 'assistant',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        stop_details: null,
        usage: messageUsage(output.usage, true),
      },
    }),
  ];
  if (output.blocks.length === 0) events.push(PING);
  output.blocks.forEach((block, index) => {
    events.push(
      event('content_block_start', {
        type: 'content_block_start',
        index,
        content_block: startBlock(block),
      }),
    );
    if (index === 0) events.push(PING);
    for (const delta of blockDeltas(block, output.argumentText.get(index), chunkSize)) {
      events.push(event('content_block_delta', { type: 'content_block_delta', index, delta }));
    }
    events.push(event('content_block_stop', { type: 'content_block_stop', index }));
  });
  const usage: Record<string, unknown> = {
    input_tokens: output.usage.input_tokens,
    cache_creation_input_tokens: output.usage.cache_creation_input_tokens,
    cache_read_input_tokens: output.usage.cache_read_input_tokens,
    output_tokens: output.usage.output_tokens,
  };
  if (output.usage.thinking_tokens !== undefined) {
    usage.output_tokens_details = { thinking_tokens: output.usage.thinking_tokens };
  }
  events.push(
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: output.stopReason, stop_sequence: null, stop_details: null },
      usage,
    }),
  );
  events.push(event('message_stop', { type: 'message_stop' }));
  return events;
}

const encode = (wire: WireEvent): string => `event: ${wire.event}\ndata: ${wire.data}\n\n`;

/**
 * Writes the events one by one with backpressure, honouring the turn's pacing, in-stream error
 * (`event: error` after `afterEvents` events, HTTP status staying 200) and connection drop.
 * Stops as soon as the client has gone.
 */
export async function writeStream(
  context: HandlerContext,
  turn: ScriptedTurn,
  events: WireEvent[],
  headers: Record<string, string>,
): Promise<void> {
  const { response } = context;
  response.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    ...headers,
  });
  response.flushHeaders();
  for (let index = 0; index <= events.length; index++) {
    if (turn.dropAfterEvents === index) {
      // Let what was written reach the client first, then cut the connection mid-body.
      await new Promise<void>((resolve) => response.write('', () => resolve()));
      response.destroy();
      return;
    }
    if (turn.streamError?.afterEvents === index) {
      const payload = streamErrorPayload(turn.streamError.kind);
      if (await context.write(encode(event('error', payload)))) response.end();
      return;
    }
    const wire = events[index];
    if (wire === undefined) break;
    if (index > 0 && turn.chunkDelayMs && !(await context.wait(turn.chunkDelayMs))) return;
    if (!(await context.write(encode(wire)))) return;
  }
  response.end();
}
