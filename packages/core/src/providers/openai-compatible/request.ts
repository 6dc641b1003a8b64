import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatRequest, ContentPart, ImagePart, Message, Tool } from '../../spec/index.js';
import type {
  WireChatRequest,
  WireContentPart,
  WireMessage,
  WireTool,
  WireToolChoice,
} from './wire.js';

/** How one OpenAI-compatible server differs in the request it takes. */
export interface RequestQuirks {
  /**
   * Field for `maxTokens`: OpenAI wants `max_completion_tokens` (its reasoning models reject
   * `max_tokens`); many compatible servers only know `max_tokens` (the default).
   */
  maxTokensField?: 'max_tokens' | 'max_completion_tokens';
  /** Whether the server takes `reasoning_effort` (default true). */
  reasoningEffort?: boolean;
  /** Last-step change for a model, e.g. dropping sampling parameters reasoning models reject. */
  adjustBody?: (body: WireChatRequest, request: ChatRequest) => WireChatRequest;
}

const invalid = (message: string, provider: string) =>
  new APIError(message, { type: APIErrorType.INVALID_REQUEST, provider, code: 'invalid_request' });

const imageUrl = (part: ImagePart): string =>
  part.source.type === 'url'
    ? part.source.url
    : `data:${part.source.mimeType};base64,${part.source.data}`;

/** Text of a message whose role takes only text; images there are an `invalid_request`. */
function textOnly(content: Message['content'], role: string, provider: string): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content
    .map((part) => {
      if (part.type === 'text') return part.text;
      throw invalid(
        `Images are only accepted in user messages, not in a ${role} message`,
        provider,
      );
    })
    .join('');
}

function userContent(content: Message['content']): string | WireContentPart[] {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part: ContentPart): WireContentPart => {
    if (part.type === 'text') return { type: 'text', text: part.text };
    const image: WireContentPart = { type: 'image_url', image_url: { url: imageUrl(part) } };
    if (part.detail) image.image_url.detail = part.detail;
    return image;
  });
}

/**
 * ChatRequest messages → wire messages. Reasoning and signatures are not sent: Chat Completions
 * has no field for them (OpenAI rejects unknown message fields, and some compatible servers
 * reject `reasoning_content` sent back). Tool-call ids from any vendor pass through unchanged.
 */
export function toWireMessages(messages: readonly Message[], provider: string): WireMessage[] {
  return messages.map((message): WireMessage => {
    const name = message.name === undefined ? {} : { name: message.name };
    switch (message.role) {
      case 'system':
        return { role: 'system', content: textOnly(message.content, 'system', provider), ...name };
      case 'user':
        return { role: 'user', content: userContent(message.content), ...name };
      case 'assistant': {
        const calls = message.toolCalls ?? [];
        const text = textOnly(message.content, 'assistant', provider);
        const wire: WireMessage = {
          role: 'assistant',
          content: text === '' && calls.length > 0 ? null : text,
          ...name,
        };
        if (calls.length > 0) {
          wire.tool_calls = calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.function.name, arguments: call.function.arguments },
          }));
        }
        return wire;
      }
      case 'tool':
        if (!message.toolCallId) {
          throw invalid('A tool message needs the toolCallId of the call it answers', provider);
        }
        return {
          role: 'tool',
          tool_call_id: message.toolCallId,
          content: textOnly(message.content, 'tool', provider),
        };
      default:
        throw invalid(`Unknown message role "${String(message.role)}"`, provider);
    }
  });
}

function toWireTool(tool: Tool): WireTool {
  const fn: WireTool['function'] = {
    name: tool.function.name,
    parameters: tool.function.parameters,
  };
  if (tool.function.description !== undefined) fn.description = tool.function.description;
  if (tool.function.strict !== undefined) fn.strict = tool.function.strict;
  return { type: 'function', function: fn };
}

/**
 * ChatRequest → `POST /chat/completions` body. Tool settings are sent only with tools (OpenAI
 * rejects `tool_choice`/`parallel_tool_calls` without them); streams ask for the usage chunk.
 */
export function toWireRequest(
  request: ChatRequest,
  stream: boolean,
  provider: string,
  quirks: RequestQuirks = {},
): WireChatRequest {
  const body: WireChatRequest = {
    model: request.model,
    messages: toWireMessages(request.messages, provider),
  };
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.topP !== undefined) body.top_p = request.topP;
  if (request.maxTokens !== undefined)
    body[quirks.maxTokensField ?? 'max_tokens'] = request.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) body.stop = request.stop;
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = request.tools.map(toWireTool);
    if (request.toolChoice !== undefined) body.tool_choice = request.toolChoice as WireToolChoice;
    if (request.parallelToolCalls !== undefined)
      body.parallel_tool_calls = request.parallelToolCalls;
  }
  if (request.reasoning?.effort !== undefined && quirks.reasoningEffort !== false) {
    body.reasoning_effort = request.reasoning.effort;
  }
  if (request.responseFormat !== undefined) body.response_format = request.responseFormat;
  if (request.user !== undefined) body.user = request.user;
  if (stream) {
    body.stream = true;
    body.stream_options = { include_usage: true };
  }
  const adjusted = quirks.adjustBody ? quirks.adjustBody(body, request) : body;
  return request.extraBody ? { ...adjusted, ...request.extraBody } : adjusted;
}
