import type { HandlerContext } from '../harness.js';
import {
  apiKeyInvalid,
  credentialsMissing,
  geminiError,
  modelNotFound,
  scriptedError,
  sendGeminiError,
} from './errors.js';
import { GENERATE_HEADERS, GOOGLE_JSON_HEADERS } from './headers.js';
import { findGeminiModel, listModelsPage } from './models.js';
import { generateContentBody, planAnswer } from './response.js';
import { writeStream } from './stream.js';
import { validateGenerateRequest } from './validate.js';

/** State one simulator instance keeps across requests. */
export interface GeminiSimulatorState {
  apiKey: string;
  /** Caller-chosen (scripted) signatures → the call they were issued for. */
  scriptedSignatures: Map<string, string>;
  /** Answers served so far (seeds response ids). */
  sequence: number;
}

function sendJSONText(
  context: HandlerContext,
  body: unknown,
  headers: Record<string, string>,
): void {
  const text = `${JSON.stringify(body, null, 2)}\n`;
  context.response.writeHead(200, 'OK', {
    ...headers,
    'content-length': String(Buffer.byteLength(text)),
  });
  context.response.end(text);
}

/** `x-goog-api-key` header, else the `key` query parameter, as the API accepts. */
function presentedKey(context: HandlerContext): string | undefined {
  const header = context.request.headers['x-goog-api-key'];
  if (typeof header === 'string' && header !== '') return header;
  return context.url.searchParams.get('key') ?? undefined;
}

const routePattern = /^\/v1beta\/models\/([^/:]+)(?::(generateContent|streamGenerateContent))?$/;

/**
 * Routes: `POST /v1beta/models/{model}:generateContent`, `:streamGenerateContent[?alt=sse]`,
 * `GET /v1beta/models` and `GET /v1beta/models/{model}`.
 */
export async function handleGeminiRequest(
  context: HandlerContext,
  state: GeminiSimulatorState,
): Promise<void> {
  const { request, response, url } = context;
  const key = presentedKey(context);
  if (key === undefined) return sendGeminiError(response, credentialsMissing());
  if (key !== state.apiKey) return sendGeminiError(response, apiKeyInvalid());

  const path = decodeURIComponent(url.pathname);
  if (request.method === 'GET' && path === '/v1beta/models') {
    const pageSize = url.searchParams.get('pageSize');
    const page = listModelsPage(
      pageSize === null ? undefined : Number(pageSize),
      url.searchParams.get('pageToken') ?? undefined,
    );
    return sendJSONText(context, page, GOOGLE_JSON_HEADERS);
  }
  const match = routePattern.exec(path);
  if (match === null) {
    return sendGeminiError(response, geminiError(404, 'NOT_FOUND', `Method not found: ${path}`));
  }
  const model = match[1]!;
  const method = match[2];
  if (method === undefined) {
    if (request.method !== 'GET')
      return sendGeminiError(response, geminiError(404, 'NOT_FOUND', 'Method not found.'));
    const found = findGeminiModel(model);
    return found === undefined
      ? sendGeminiError(response, modelNotFound(model))
      : sendJSONText(context, found, GOOGLE_JSON_HEADERS);
  }
  if (request.method !== 'POST')
    return sendGeminiError(response, geminiError(404, 'NOT_FOUND', 'Method not found.'));
  if (findGeminiModel(model)?.supportedGenerationMethods.includes('generateContent') !== true) {
    return sendGeminiError(response, modelNotFound(model));
  }
  const valid = validateGenerateRequest(context.recorded.body, model, state.scriptedSignatures);
  if ('body' in valid) return sendGeminiError(response, valid);

  const turn = context.nextTurn();
  if (turn.firstByteDelayMs !== undefined && !(await context.wait(turn.firstByteDelayMs))) return;
  if (turn.error !== undefined) return sendGeminiError(response, scriptedError(turn.error, model));
  state.sequence += 1;
  const plan = planAnswer(
    turn,
    model,
    valid.promptText,
    valid.includeThoughts,
    state.sequence,
    state.scriptedSignatures,
  );
  if (method === 'generateContent')
    return sendJSONText(context, generateContentBody(plan), GENERATE_HEADERS);
  await writeStream(context, turn, plan, url.searchParams.get('alt') === 'sse');
}
