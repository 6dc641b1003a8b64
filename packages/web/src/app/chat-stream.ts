import { type FetchFunction, GatewayRequestError, readGatewayError } from './api-client.js';
import { serverSentEvents } from './sse.js';

/** One chat message sent to `/v1/chat/completions`. */
export interface PlaygroundMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What the playground draws as a stream arrives. */
export type ChatStreamUpdate =
  | { type: 'content'; text: string }
  | { type: 'reasoning'; text: string }
  | { type: 'tool-call'; index: number; id?: string; name?: string; argumentsDelta: string }
  | { type: 'finish'; reason: string }
  | { type: 'usage'; promptTokens: number; completionTokens: number; totalTokens: number }
  | { type: 'error'; message: string; errorType: string };

/** Options of `streamChat`. */
export interface StreamChatOptions {
  /** A `tbc_…` gateway key (sent as `Authorization: Bearer`). */
  gatewayKey: string;
  /** `provider/model` or an alias. */
  model: string;
  messages: readonly PlaygroundMessage[];
  /** Aborts the request and the stream (the Stop button). */
  signal?: AbortSignal;
  fetch?: FetchFunction;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** The updates one `chat.completion.chunk` carries (first choice only). */
export function chunkUpdates(chunk: unknown): ChatStreamUpdate[] {
  if (!isRecord(chunk)) return [];
  const updates: ChatStreamUpdate[] = [];
  if (isRecord(chunk.error)) {
    const message = typeof chunk.error.message === 'string' ? chunk.error.message : 'Stream failed';
    const errorType = typeof chunk.error.type === 'string' ? chunk.error.type : 'server_error';
    return [{ type: 'error', message, errorType }];
  }
  const choice = Array.isArray(chunk.choices) ? chunk.choices[0] : undefined;
  const delta = isRecord(choice) && isRecord(choice.delta) ? choice.delta : {};
  const reasoning = delta.reasoning_content ?? delta.reasoning;
  if (typeof reasoning === 'string' && reasoning !== '') {
    updates.push({ type: 'reasoning', text: reasoning });
  }
  if (typeof delta.content === 'string' && delta.content !== '') {
    updates.push({ type: 'content', text: delta.content });
  }
  if (Array.isArray(delta.tool_calls)) {
    for (const call of delta.tool_calls) {
      if (!isRecord(call)) continue;
      const fn = isRecord(call.function) ? call.function : {};
      const update: ChatStreamUpdate = {
        type: 'tool-call',
        index: numberOr(call.index, 0),
        argumentsDelta: typeof fn.arguments === 'string' ? fn.arguments : '',
      };
      if (typeof call.id === 'string') update.id = call.id;
      if (typeof fn.name === 'string') update.name = fn.name;
      updates.push(update);
    }
  }
  if (isRecord(choice) && typeof choice.finish_reason === 'string') {
    updates.push({ type: 'finish', reason: choice.finish_reason });
  }
  if (isRecord(chunk.usage)) {
    const promptTokens = numberOr(chunk.usage.prompt_tokens, 0);
    const completionTokens = numberOr(chunk.usage.completion_tokens, 0);
    updates.push({
      type: 'usage',
      promptTokens,
      completionTokens,
      totalTokens: numberOr(chunk.usage.total_tokens, promptTokens + completionTokens),
    });
  }
  return updates;
}

/**
 * Sends a streaming chat request to the gateway's `/v1/chat/completions` and yields updates as
 * the server-sent events arrive. A refused request throws `GatewayRequestError` before anything
 * is yielded; aborting `signal` ends the stream with an `AbortError`.
 */
export async function* streamChat(options: StreamChatOptions): AsyncGenerator<ChatStreamUpdate> {
  const fetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
  const init: RequestInit = {
    method: 'POST',
    headers: {
      authorization: `Bearer ${options.gatewayKey}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({
      model: options.model,
      messages: options.messages,
      stream: true,
      stream_options: { include_usage: true },
    }),
    credentials: 'omit',
    cache: 'no-store',
  };
  if (options.signal) init.signal = options.signal;
  const response = await fetchFunction('/v1/chat/completions', init);
  if (!response.ok) throw await readGatewayError(response);
  if (!response.body) throw new GatewayRequestError(502, 'server_error', 'The answer had no body');
  const reader = response.body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(serverSentEvents())
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value.data === '[DONE]') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value.data);
      } catch {
        continue;
      }
      yield* chunkUpdates(parsed);
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Lists `provider/model` ids from `GET /v1/models` with a gateway key. */
export async function listGatewayModels(
  gatewayKey: string,
  fetchFunction: FetchFunction = (input, init) => fetch(input, init),
): Promise<string[]> {
  const response = await fetchFunction('/v1/models', {
    headers: { authorization: `Bearer ${gatewayKey}` },
    credentials: 'omit',
    cache: 'no-store',
  });
  if (!response.ok) throw await readGatewayError(response);
  const body: unknown = await response.json();
  const data = isRecord(body) && Array.isArray(body.data) ? body.data : [];
  return data.flatMap((item) => (isRecord(item) && typeof item.id === 'string' ? [item.id] : []));
}
