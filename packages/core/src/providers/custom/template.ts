import type { ChatRequest, Message } from '../../spec/index.js';

/** Every placeholder a request template may use. */
export const PLACEHOLDERS = [
  'model',
  'messages',
  'prompt',
  'system',
  'temperature',
  'topP',
  'maxTokens',
  'stop',
  'tools',
  'stream',
] as const;

/** A placeholder name. */
export type Placeholder = (typeof PLACEHOLDERS)[number];

const wholePattern = /^\{\{\s*([A-Za-z]+)\s*\}\}$/;
const innerPattern = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/** Every placeholder name a template mentions (known or not), for validation. */
export function placeholdersIn(template: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof template === 'string') {
    for (const match of template.matchAll(innerPattern)) found.add(match[1] ?? '');
  } else if (Array.isArray(template)) {
    for (const item of template) placeholdersIn(item, found);
  } else if (typeof template === 'object' && template !== null) {
    for (const value of Object.values(template)) placeholdersIn(value, found);
  }
  return found;
}

const textOf = (content: Message['content']): string => {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
};

/** A message in OpenAI Chat Completions shape (images as `image_url`, base64 as data URLs). */
function openAIMessage(message: Message): Record<string, unknown> {
  const wire: Record<string, unknown> = { role: message.role };
  if (message.content === null || typeof message.content === 'string') {
    wire.content = message.content;
  } else {
    wire.content = message.content.map((part) =>
      part.type === 'text'
        ? { type: 'text', text: part.text }
        : {
            type: 'image_url',
            image_url: {
              url:
                part.source.type === 'url'
                  ? part.source.url
                  : `data:${part.source.mimeType};base64,${part.source.data}`,
            },
          },
    );
  }
  if (message.name !== undefined) wire.name = message.name;
  if (message.toolCalls && message.toolCalls.length > 0) {
    wire.tool_calls = message.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.function.name, arguments: call.function.arguments },
    }));
  }
  if (message.toolCallId !== undefined) wire.tool_call_id = message.toolCallId;
  return wire;
}

/** The value of each placeholder for one request. */
export function placeholderValues(
  request: ChatRequest,
  stream: boolean,
): Record<Placeholder, unknown> {
  const systems = request.messages.filter((message) => message.role === 'system');
  const lastUser = request.messages.findLast((message) => message.role === 'user');
  return {
    model: request.model,
    messages: request.messages.map(openAIMessage),
    prompt: lastUser ? textOf(lastUser.content) : undefined,
    system:
      systems.length > 0
        ? systems.map((message) => textOf(message.content)).join('\n\n')
        : undefined,
    temperature: request.temperature,
    topP: request.topP,
    maxTokens: request.maxTokens,
    stop: request.stop,
    tools:
      request.toolChoice === 'none'
        ? undefined
        : request.tools?.map((tool) => ({ type: 'function', function: tool.function })),
    stream,
  };
}

const asText = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * Fills a template: a string that is exactly one placeholder becomes the value (keeping its
 * type); placeholders inside longer strings are interpolated as text; keys and array items whose
 * value is undefined are dropped.
 */
export function fillTemplate(template: unknown, values: Record<string, unknown>): unknown {
  if (typeof template === 'string') {
    const whole = wholePattern.exec(template);
    if (whole) return values[whole[1] ?? ''];
    return template.replace(innerPattern, (_match, name: string) => asText(values[name]));
  }
  if (Array.isArray(template)) {
    return template.map((item) => fillTemplate(item, values)).filter((item) => item !== undefined);
  }
  if (typeof template === 'object' && template !== null) {
    const filled: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const result = fillTemplate(value, values);
      if (result !== undefined) filled[key] = result;
    }
    return filled;
  }
  return template;
}
