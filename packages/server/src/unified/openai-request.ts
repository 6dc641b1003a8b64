import type {
  ChatRequest,
  ContentPart,
  Message,
  Tool,
  ToolCall,
  ToolChoice,
} from '@thinkbackcode/core';

/** Thrown for a `/v1/chat/completions` body the gateway cannot take. */
export class InvalidChatRequest extends Error {}

type Fields = Record<string, unknown>;

function record(value: unknown): Fields | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

function parseContent(value: unknown): Message['content'] {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (!Array.isArray(value))
    throw new InvalidChatRequest('message content must be a string or a list of parts');
  return value.map((item): ContentPart => {
    const part = record(item);
    if (part?.type === 'text' && typeof part.text === 'string')
      return { type: 'text', text: part.text };
    const image = record(part?.image_url);
    if (part?.type === 'image_url' && typeof image?.url === 'string') {
      const match = /^data:([^;]+);base64,(.*)$/s.exec(image.url);
      const detail =
        image.detail === 'low' || image.detail === 'high' || image.detail === 'auto'
          ? image.detail
          : undefined;
      const imagePart: ContentPart = match
        ? {
            type: 'image',
            source: { type: 'base64', mimeType: match[1] as string, data: match[2] as string },
          }
        : { type: 'image', source: { type: 'url', url: image.url } };
      if (detail) imagePart.detail = detail;
      return imagePart;
    }
    throw new InvalidChatRequest('unsupported content part');
  });
}

function parseToolCalls(value: unknown): ToolCall[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => {
    const call = record(item);
    const fn = record(call?.function);
    if (typeof call?.id !== 'string' || typeof fn?.name !== 'string') {
      throw new InvalidChatRequest('tool_calls need an id and a function name');
    }
    return {
      id: call.id,
      type: 'function',
      function: {
        name: fn.name,
        arguments: typeof fn.arguments === 'string' ? fn.arguments : '{}',
      },
    };
  });
}

function parseMessage(value: unknown): Message {
  const fields = record(value);
  const role = fields?.role === 'developer' ? 'system' : fields?.role;
  if (role !== 'system' && role !== 'user' && role !== 'assistant' && role !== 'tool') {
    throw new InvalidChatRequest('each message needs a role of system, user, assistant or tool');
  }
  const message: Message = { role, content: parseContent(fields?.content) };
  if (typeof fields?.name === 'string') message.name = fields.name;
  const toolCalls = parseToolCalls(fields?.tool_calls);
  if (toolCalls) message.toolCalls = toolCalls;
  if (typeof fields?.tool_call_id === 'string') message.toolCallId = fields.tool_call_id;
  const reasoning = fields?.reasoning_content ?? fields?.reasoning;
  if (typeof reasoning === 'string') message.reasoning = reasoning;
  return message;
}

function parseTools(value: unknown): Tool[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map((item) => {
    const fn = record(record(item)?.function);
    if (typeof fn?.name !== 'string')
      throw new InvalidChatRequest('each tool needs a function name');
    const tool: Tool = {
      type: 'function',
      function: {
        name: fn.name,
        parameters: record(fn.parameters) ?? { type: 'object', properties: {} },
      },
    };
    if (typeof fn.description === 'string') tool.function.description = fn.description;
    if (typeof fn.strict === 'boolean') tool.function.strict = fn.strict;
    return tool;
  });
}

function parseToolChoice(value: unknown): ToolChoice | undefined {
  if (value === 'auto' || value === 'none' || value === 'required') return value;
  const name = record(record(value)?.function)?.name;
  return typeof name === 'string' ? { type: 'function', function: { name } } : undefined;
}

/** An OpenAI `/v1/chat/completions` body → the `model` it names, the core `ChatRequest`, and stream options. */
export function parseOpenAIChatRequest(body: unknown): {
  model: string;
  request: Omit<ChatRequest, 'model'>;
  stream: boolean;
  includeUsage: boolean;
} {
  const fields = record(body);
  if (!fields) throw new InvalidChatRequest('The body must be a JSON object');
  if (typeof fields.model !== 'string' || fields.model === '')
    throw new InvalidChatRequest('model is required');
  if (!Array.isArray(fields.messages) || fields.messages.length === 0) {
    throw new InvalidChatRequest('messages must be a non-empty list');
  }
  const request: Omit<ChatRequest, 'model'> = { messages: fields.messages.map(parseMessage) };
  if (typeof fields.temperature === 'number') request.temperature = fields.temperature;
  if (typeof fields.top_p === 'number') request.topP = fields.top_p;
  const maxTokens = fields.max_completion_tokens ?? fields.max_tokens;
  if (typeof maxTokens === 'number') request.maxTokens = maxTokens;
  if (typeof fields.stop === 'string') request.stop = [fields.stop];
  else if (Array.isArray(fields.stop))
    request.stop = fields.stop.filter((item): item is string => typeof item === 'string');
  const tools = parseTools(fields.tools);
  if (tools) request.tools = tools;
  const toolChoice = parseToolChoice(fields.tool_choice);
  if (toolChoice) request.toolChoice = toolChoice;
  if (typeof fields.parallel_tool_calls === 'boolean')
    request.parallelToolCalls = fields.parallel_tool_calls;
  const effort = fields.reasoning_effort;
  if (effort === 'minimal' || effort === 'low' || effort === 'medium' || effort === 'high') {
    request.reasoning = { effort };
  }
  const format = record(fields.response_format)?.type;
  if (format === 'json_object' || format === 'text') request.responseFormat = { type: format };
  if (typeof fields.user === 'string') request.user = fields.user;
  return {
    model: fields.model,
    request,
    stream: fields.stream === true,
    includeUsage: record(fields.stream_options)?.include_usage === true,
  };
}
