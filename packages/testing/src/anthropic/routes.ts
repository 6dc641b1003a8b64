import type { HandlerContext } from '../harness.js';
import { sendJSON } from '../harness.js';
import { buildTurnOutput, messageBody } from './content.js';
import { invalidRequest, scriptedErrorAnswer, sendError } from './errors.js';
import { messageId, rateLimitHeaders, requestId } from './headers.js';
import { findModel, modelsPage } from './models.js';
import type { ThinkingSigner } from './signature.js';
import { streamEvents, writeStream } from './stream.js';
import { validateMessagesRequest } from './validate.js';

/** What the route handler needs besides the request. */
export interface AnthropicServerState {
  apiKey: string;
  signer: ThinkingSigner;
}

const header = (context: HandlerContext, name: string): string | undefined => {
  const value = context.request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The `anthropic-version` values the API knows. */
const API_VERSIONS = ['2023-01-01', '2023-06-01', '2026-10-21'];

/**
 * The API takes the key as `x-api-key` or, since API version 2026-10-21 (which the v1 SDKs send),
 * as `Authorization: Bearer`. Returns the real 401 answer when neither carries the right key.
 */
function checkCredentials(context: HandlerContext, apiKey: string) {
  const key = header(context, 'x-api-key');
  const authorization = header(context, 'authorization');
  const auth = scriptedErrorAnswer({ kind: 'auth' }, '');
  if (key !== undefined) return key === apiKey ? undefined : auth;
  if (authorization !== undefined) {
    const bearer = /^Bearer (.+)$/i.exec(authorization)?.[1];
    return bearer === apiKey ? undefined : { ...auth, message: 'Invalid bearer token' };
  }
  return { ...auth, message: 'x-api-key header is required' };
}

const notFound = (message = 'Not Found') => ({
  status: 404,
  type: 'not_found_error' as const,
  message,
  headers: {},
  includeRequestId: true,
});

/**
 * Routes `POST /v1/messages`, `GET /v1/models` and `GET /v1/models/{id}` with the API's checks in
 * its order: `x-api-key`, then `anthropic-version`, then the body.
 */
export async function handleAnthropicRequest(
  context: HandlerContext,
  state: AnthropicServerState,
): Promise<void> {
  const { response, url } = context;
  const method = context.request.method ?? 'GET';
  const isMessages = url.pathname === '/v1/messages';
  const isModels = url.pathname === '/v1/models' || url.pathname.startsWith('/v1/models/');
  if (!(isMessages && method === 'POST') && !(isModels && method === 'GET')) {
    return sendError(response, notFound());
  }
  const problem = checkCredentials(context, state.apiKey);
  if (problem) return sendError(response, problem);
  const version = header(context, 'anthropic-version');
  if (version === undefined) {
    return sendError(response, invalidRequest('anthropic-version: header is required'));
  }
  if (!API_VERSIONS.includes(version)) {
    return sendError(response, invalidRequest(`anthropic-version: invalid version "${version}"`));
  }
  if (isModels) return answerModels(context);
  return answerMessages(context, state, version);
}

function answerModels(context: HandlerContext): void {
  const { response, url } = context;
  const headers = { 'request-id': requestId() };
  if (url.pathname === '/v1/models') {
    sendJSON(response, 200, modelsPage(url.searchParams), headers);
    return;
  }
  const id = decodeURIComponent(url.pathname.slice('/v1/models/'.length));
  const model = findModel(id);
  if (model) sendJSON(response, 200, model, headers);
  else sendError(response, notFound(`model: ${id}`));
}

async function answerMessages(
  context: HandlerContext,
  state: AnthropicServerState,
  version: string,
): Promise<void> {
  const { response, recorded } = context;
  if (recorded.body === undefined) {
    return sendError(
      response,
      invalidRequest(
        'There was an issue with the format or content of your request. The body must be valid JSON.',
      ),
    );
  }
  const request = validateMessagesRequest(recorded.body, state.signer, version);
  if (typeof request === 'string') return sendError(response, invalidRequest(request));
  if (!request.model.startsWith('claude-')) {
    return sendError(response, scriptedErrorAnswer({ kind: 'not_found' }, request.model));
  }
  const turn = context.nextTurn();
  if (turn.firstByteDelayMs && !(await context.wait(turn.firstByteDelayMs))) return;
  if (turn.error) return sendError(response, scriptedErrorAnswer(turn.error, request.model));
  const output = buildTurnOutput(turn, request, state.signer, messageId());
  const headers = { 'request-id': requestId(), ...rateLimitHeaders() };
  if (!request.stream) return sendJSON(response, 200, messageBody(output), headers);
  await writeStream(context, turn, streamEvents(output, turn.chunkSize ?? 8), headers);
}
