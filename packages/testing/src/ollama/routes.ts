import type { HandlerContext } from '../harness.js';
import { chatBody, turnCounts } from './body.js';
import { OLLAMA_JSON, sendOllamaError, sendRouteNotFound, sendScriptedError } from './errors.js';
import { type OllamaInstalledModel, sendOpenAIModels, sendTags, sendVersion } from './models.js';
import { writeChatStream } from './stream.js';
import { validateChatRequest } from './validate.js';

/** What the Ollama routes need besides the request. */
export interface OllamaRouteOptions {
  /** When set, every request needs `Authorization: Bearer <apiKey>` (ollama.com); local Ollama needs none. */
  apiKey: string | undefined;
  /** Installed models; when set, chat with any other model gets Ollama's 404. */
  models: OllamaInstalledModel[] | undefined;
}

function authorized(context: HandlerContext, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  return context.request.headers.authorization === `Bearer ${apiKey}`;
}

async function handleChat(context: HandlerContext, options: OllamaRouteOptions): Promise<void> {
  const { response, recorded } = context;
  const checked = validateChatRequest(recorded.rawBody, recorded.body);
  if ('status' in checked) {
    sendOllamaError(response, checked.status, checked.message);
    return;
  }
  if (options.models && !options.models.some((model) => model.name === checked.model)) {
    sendOllamaError(response, 404, `model '${checked.model}' not found`);
    return;
  }
  const turn = context.nextTurn();
  if (turn.firstByteDelayMs && !(await context.wait(turn.firstByteDelayMs))) return;
  if (turn.error) {
    sendScriptedError(response, turn.error, checked.model);
    return;
  }
  const counts = turnCounts(turn, recorded.body);
  if (checked.stream) {
    await writeChatStream(context, turn, checked.model, checked.thinking, counts);
    return;
  }
  const text = JSON.stringify(chatBody(turn, checked.model, checked.thinking, counts));
  response.writeHead(200, {
    'content-type': OLLAMA_JSON,
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/**
 * Ollama's HTTP API on the host root: `POST /api/chat`, `GET /api/tags`, `GET /api/version`,
 * `GET /v1/models` and `GET /` ("Ollama is running"). Anything else gets Gin's plain 404.
 */
export function createOllamaHandler(
  options: OllamaRouteOptions,
): (context: HandlerContext) => Promise<void> {
  return async (context) => {
    const { response, url } = context;
    const method = context.request.method ?? 'GET';
    if (!authorized(context, options.apiKey)) {
      sendOllamaError(response, 401, 'unauthorized');
      return;
    }
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case 'POST /api/chat':
        return handleChat(context, options);
      case 'GET /api/tags':
        return sendTags(response, options.models);
      case 'GET /api/version':
        return sendVersion(response);
      case 'GET /v1/models':
        return sendOpenAIModels(response, options.models);
      case 'GET /':
      case 'HEAD /': {
        response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        response.end(method === 'HEAD' ? undefined : 'Ollama is running');
        return;
      }
      default:
        sendRouteNotFound(response);
    }
  };
}
