import type { CallContext, WireRequest } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatRequest, ContentPart, LocalConfig, Message } from '../../spec/index.js';
import type { OllamaChatRequest, OllamaMessage, OllamaOptions, OllamaToolCall } from './wire.js';

/** Provider type stamped on (and required of) replayed reasoning. */
export const OLLAMA_SOURCE = 'ollama';

const invalid = (message: string, provider: string, code: string) =>
  new APIError(message, { type: APIErrorType.INVALID_REQUEST, provider, code });

/** Text and base64 images of a message's content; URL images are refused (Ollama takes bytes only). */
function splitContent(
  content: Message['content'],
  provider: string,
  role: string,
): { text: string; images: string[] } {
  if (content === null) return { text: '', images: [] };
  if (typeof content === 'string') return { text: content, images: [] };
  const texts: string[] = [];
  const images: string[] = [];
  for (const part of content as ContentPart[]) {
    if (part.type === 'text') {
      texts.push(part.text);
      continue;
    }
    if (part.source.type === 'url') {
      throw invalid(
        'Ollama accepts images only as base64 data, not by URL: download the image and send it as a base64 image part',
        provider,
        'unsupported_image_url',
      );
    }
    if (role !== 'user') {
      throw invalid(
        `Ollama accepts images only in user messages, not in ${role} messages`,
        provider,
        'unsupported_image',
      );
    }
    images.push(part.source.data);
  }
  return { text: texts.join('\n'), images };
}

/** Tool-call arguments as the object Ollama requires. */
function argumentsObject(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Record<string, unknown>;
    }
  } catch {
    // The model produced invalid JSON; the tool loop already answered it with an error result.
  }
  return {};
}

function toWireMessage(
  message: Message,
  toolNames: Map<string, string>,
  provider: string,
): OllamaMessage {
  const { text, images } = splitContent(message.content, provider, message.role);
  const wire: OllamaMessage = { role: message.role, content: text };
  if (images.length > 0) wire.images = images;
  if (message.role === 'assistant') {
    // Only reasoning Ollama itself produced is replayed; foreign blocks are dropped.
    const thinking = (message.reasoningDetails ?? [])
      .filter((detail) => detail.type === 'text' && detail.source === OLLAMA_SOURCE)
      .map((detail) => (detail.type === 'text' ? detail.text : ''))
      .join('');
    if (thinking !== '') wire.thinking = thinking;
    if (message.toolCalls && message.toolCalls.length > 0) {
      wire.tool_calls = message.toolCalls.map(
        (call): OllamaToolCall => ({
          function: {
            name: call.function.name,
            arguments: argumentsObject(call.function.arguments),
          },
        }),
      );
    }
  }
  if (message.role === 'tool') {
    const name =
      message.name ?? (message.toolCallId ? toolNames.get(message.toolCallId) : undefined);
    if (name !== undefined) wire.tool_name = name;
  }
  return wire;
}

/** Renames from ChatRequest and the config to Ollama `options`. */
function buildOptions(
  request: ChatRequest,
  config: LocalConfig,
  provider: string,
): OllamaOptions | undefined {
  const options: OllamaOptions = {};
  if (config.numCtx !== undefined) {
    if (!Number.isInteger(config.numCtx) || config.numCtx <= 0) {
      throw invalid(
        'numCtx must be a positive whole number of tokens',
        provider,
        'invalid_num_ctx',
      );
    }
    options.num_ctx = config.numCtx;
  }
  if (request.temperature !== undefined) options.temperature = request.temperature;
  if (request.topP !== undefined) options.top_p = request.topP;
  if (request.maxTokens !== undefined) options.num_predict = request.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) options.stop = request.stop;
  return Object.keys(options).length > 0 ? options : undefined;
}

/**
 * ChatRequest → `POST /api/chat`. Tool results go back as role `tool` with `tool_name` (Ollama
 * has no call ids); assistant tool calls carry object arguments; `think: true` when reasoning
 * is requested. Ollama has no `tool_choice`: `none` leaves the tools out, other choices send
 * them and let the model decide.
 */
export function buildOllamaRequest(
  request: ChatRequest,
  context: CallContext<LocalConfig>,
  stream: boolean,
): WireRequest {
  const provider = context.providerName;
  const toolNames = new Map<string, string>();
  for (const message of request.messages) {
    for (const call of message.toolCalls ?? []) toolNames.set(call.id, call.function.name);
  }
  const body: OllamaChatRequest = {
    model: request.model,
    messages: request.messages.map((message) => toWireMessage(message, toolNames, provider)),
    stream,
  };
  if (request.tools && request.tools.length > 0 && request.toolChoice !== 'none') {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: {
        name: tool.function.name,
        ...(tool.function.description !== undefined
          ? { description: tool.function.description }
          : {}),
        parameters: tool.function.parameters,
      },
    }));
  }
  const options = buildOptions(request, context.config, provider);
  if (options) body.options = options;
  if (context.config.keepAlive !== undefined) body.keep_alive = context.config.keepAlive;
  if (request.reasoning) body.think = true;
  if (request.responseFormat?.type === 'json_object') body.format = 'json';
  return { path: '/api/chat', body: { ...body, ...request.extraBody } };
}
