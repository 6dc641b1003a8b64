import { APIError, APIErrorType } from '../errors/index.js';
import type { ChatRequest, ProviderCapabilities } from '../spec/index.js';

const toolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

const invalid = (message: string, provider: string, code: string) =>
  new APIError(message, { type: APIErrorType.INVALID_REQUEST, provider, code });

/**
 * Checks what no vendor accepts, before anything is sent: a model, at least one message,
 * well-formed tools, images only where the provider takes them.
 */
export function validateChatRequest(
  request: ChatRequest,
  provider: string,
  capabilities: ProviderCapabilities,
): void {
  if (typeof request.model !== 'string' || request.model.trim() === '') {
    throw invalid('The request names no model', provider, 'missing_model');
  }
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    throw invalid('The request has no messages', provider, 'missing_messages');
  }
  for (const [index, tool] of (request.tools ?? []).entries()) {
    const name = tool?.function?.name;
    if (tool?.type !== 'function' || typeof name !== 'string' || !toolNamePattern.test(name)) {
      throw invalid(
        `Tool ${index} is malformed: it needs type "function" and a name matching ${toolNamePattern}`,
        provider,
        'invalid_tool',
      );
    }
    const parameters: unknown = tool.function.parameters;
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      throw invalid(
        `Tool "${name}" has no JSON Schema object as parameters`,
        provider,
        'invalid_tool_schema',
      );
    }
    const type = (parameters as { type?: unknown }).type;
    if (type !== undefined && type !== 'object') {
      throw invalid(
        `Tool "${name}" parameters must be a schema of type "object", not "${String(type)}"`,
        provider,
        'invalid_tool_schema',
      );
    }
  }
  if (!capabilities.tools && (request.tools?.length ?? 0) > 0) {
    throw invalid(`Provider "${provider}" does not support tools`, provider, 'unsupported_tools');
  }
  if (!capabilities.images) {
    for (const message of request.messages) {
      if (Array.isArray(message.content) && message.content.some((part) => part.type === 'image')) {
        throw invalid(
          `Provider "${provider}" does not accept images`,
          provider,
          'unsupported_images',
        );
      }
    }
  }
}
