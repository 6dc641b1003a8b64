import type { HandlerContext } from '../harness.js';
import { baseHeaders, type ReasoningField, rateLimitHeaders } from './common.js';
import { completionBody } from './completion.js';
import {
  type ErrorAnswer,
  invalidKey,
  missingKey,
  scriptedErrorAnswer,
  sendError,
} from './errors.js';
import { type ModelListShape, modelListBody, modelObject } from './models.js';
import { planAnswer } from './plan.js';
import { planEvents, streamSettings, writeStream } from './stream.js';
import { validateChatRequest } from './validate.js';

/** What the handler needs to know about the simulated server. */
export interface HandlerSettings {
  apiKey: string;
  requireApiKey: boolean;
  reasoningField: ReasoningField | undefined;
  modelRules: boolean;
  models: readonly string[];
  modelListShape: ModelListShape;
}

const notFound = (method: string, path: string): ErrorAnswer => ({
  status: 404,
  statusText: 'Not Found',
  error: {
    message: `Invalid URL (${method} ${path})`,
    type: 'invalid_request_error',
    param: null,
    code: null,
  },
});

/** OpenAI's auth: `Authorization: Bearer <key>`; anything else is a 401. */
function authenticate(context: HandlerContext, settings: HandlerSettings): ErrorAnswer | undefined {
  if (!settings.requireApiKey) return undefined;
  const header = context.request.headers.authorization;
  if (header === undefined || header === '') return missingKey();
  const match = /^Bearer\s+(.*)$/i.exec(header);
  const key = match?.[1]?.trim() ?? '';
  if (key === '') return missingKey();
  return key === settings.apiKey ? undefined : invalidKey(key);
}

function sendText(context: HandlerContext, text: string, headers: Record<string, string>): void {
  context.response.writeHead(200, 'OK', {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  context.response.end(text);
}

async function chatCompletion(context: HandlerContext, settings: HandlerSettings): Promise<void> {
  const invalid = validateChatRequest(context.recorded.body, settings);
  if (invalid) return sendError(context.response, invalid);
  const body = context.recorded.body as Record<string, unknown>;
  const turn = context.nextTurn();
  if (turn.firstByteDelayMs && !(await context.wait(turn.firstByteDelayMs))) return;
  if (turn.error)
    return sendError(context.response, scriptedErrorAnswer(turn.error, String(body.model)));
  const plan = planAnswer(turn, body, settings.reasoningField);
  const headers = { ...baseHeaders(), ...rateLimitHeaders(plan.usage.prompt_tokens) };
  if (body.stream !== true) return sendText(context, completionBody(plan), headers);
  context.response.writeHead(200, 'OK', {
    'content-type': 'text/event-stream; charset=utf-8',
    ...headers,
  });
  context.response.flushHeaders();
  await writeStream(context, planEvents(plan, turn, streamSettings(body)), turn);
}

/** Routes `/v1/chat/completions`, `/v1/models` and `/v1/models/{id}` like the real API. */
export function createHandler(
  settings: HandlerSettings,
): (context: HandlerContext) => Promise<void> {
  return async (context) => {
    const method = context.request.method ?? 'GET';
    const path = context.url.pathname;
    const isChat = path === '/v1/chat/completions' && method === 'POST';
    const modelPath = /^\/v1\/models(?:\/(.+))?$/.exec(path);
    if (!isChat && !(modelPath && method === 'GET'))
      return sendError(context.response, notFound(method, path));
    const authError = authenticate(context, settings);
    if (authError) return sendError(context.response, authError);
    if (isChat) return chatCompletion(context, settings);
    const modelId = modelPath?.[1] === undefined ? undefined : decodeURIComponent(modelPath[1]);
    if (modelId === undefined) {
      return sendText(
        context,
        modelListBody(settings.models, settings.modelListShape),
        baseHeaders(),
      );
    }
    if (!settings.models.includes(modelId)) {
      return sendError(context.response, scriptedErrorAnswer({ kind: 'not_found' }, modelId));
    }
    sendText(
      context,
      JSON.stringify(modelObject(modelId, settings.modelListShape), null, 2),
      baseHeaders(),
    );
  };
}
