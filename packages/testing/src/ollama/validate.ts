/** A request the simulator accepted, reduced to what it needs. */
export interface ValidChatRequest {
  model: string;
  /** `stream` defaults to true on Ollama. */
  stream: boolean;
  /** `think` is true, `"low" | "medium" | "high"`, or absent (thinking models think by default). */
  thinking: boolean;
}

/** Why the request was refused: the status and the text of Ollama's `{"error":...}` body. */
export interface InvalidChatRequest {
  status: number;
  message: string;
}

const roles = new Set(['system', 'user', 'assistant', 'tool']);
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const integerOptions = new Set(['num_ctx', 'num_predict', 'num_keep', 'seed', 'top_k', 'num_gpu']);
const floatOptions = new Set(['temperature', 'top_p', 'min_p', 'repeat_penalty']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const jsonType = (value: unknown): string =>
  Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;

/** Go's encoding/json type error, which Ollama returns verbatim with a 400. */
const unmarshal = (value: unknown, field: string, goType: string): InvalidChatRequest => ({
  status: 400,
  message: `json: cannot unmarshal ${jsonType(value)} into Go struct field ${field} of type ${goType}`,
});

function validateMessage(message: unknown, index: number): InvalidChatRequest | undefined {
  if (!isRecord(message)) return unmarshal(message, 'ChatRequest.messages', 'api.Message');
  const { role, content, images, tool_calls: toolCalls, tool_name: toolName } = message;
  if (typeof role !== 'string') return unmarshal(role, 'Message.messages.role', 'string');
  if (!roles.has(role))
    return { status: 400, message: `invalid role "${role}" in message ${index}` };
  // Go leaves a null or missing string as "": the recorded client sends `content: null`.
  if (content !== undefined && content !== null && typeof content !== 'string') {
    return unmarshal(content, 'Message.messages.content', 'string');
  }
  if (toolName !== undefined && typeof toolName !== 'string') {
    return unmarshal(toolName, 'Message.messages.tool_name', 'string');
  }
  if (images !== undefined && images !== null) {
    if (!Array.isArray(images))
      return unmarshal(images, 'Message.messages.images', '[]api.ImageData');
    for (const image of images) {
      if (typeof image !== 'string')
        return unmarshal(image, 'Message.messages.images', 'api.ImageData');
      if (!base64.test(image) || image.length % 4 !== 0) {
        return { status: 400, message: 'illegal base64 data at input byte 0' };
      }
    }
  }
  if (toolCalls !== undefined && toolCalls !== null) {
    if (!Array.isArray(toolCalls)) {
      return unmarshal(toolCalls, 'Message.messages.tool_calls', '[]api.ToolCall');
    }
    for (const call of toolCalls) {
      const fn = isRecord(call) ? call.function : undefined;
      if (!isRecord(fn))
        return unmarshal(fn, 'ToolCall.messages.tool_calls.function', 'api.ToolCallFunction');
      if (typeof fn.name !== 'string') {
        return unmarshal(fn.name, 'ToolCallFunction.messages.tool_calls.function.name', 'string');
      }
      if (!isRecord(fn.arguments)) {
        return unmarshal(
          fn.arguments,
          'ToolCallFunction.messages.tool_calls.function.arguments',
          'api.ToolCallFunctionArguments',
        );
      }
    }
  }
  return undefined;
}

function validateOptions(options: unknown): InvalidChatRequest | undefined {
  if (options === undefined || options === null) return undefined;
  if (!isRecord(options))
    return unmarshal(options, 'ChatRequest.options', 'map[string]interface {}');
  for (const [key, value] of Object.entries(options)) {
    // Options are checked when the runner is scheduled; that error falls into
    // handleScheduleError's default branch, so Ollama really answers 500 here.
    if (integerOptions.has(key) && typeof value !== 'number') {
      return { status: 500, message: `option "${key}" must be of type integer` };
    }
    if (floatOptions.has(key) && typeof value !== 'number') {
      return { status: 500, message: `option "${key}" must be of type float` };
    }
    if (
      key === 'stop' &&
      !(Array.isArray(value) && value.every((item) => typeof item === 'string'))
    ) {
      return { status: 500, message: `option "${key}" must be of type array of strings` };
    }
  }
  return undefined;
}

function validateTools(tools: unknown): InvalidChatRequest | undefined {
  if (tools === undefined || tools === null) return undefined;
  if (!Array.isArray(tools)) return unmarshal(tools, 'ChatRequest.tools', 'api.Tools');
  for (const tool of tools) {
    if (!isRecord(tool) || !isRecord(tool.function)) {
      return unmarshal(tool, 'ChatRequest.tools', 'api.Tool');
    }
    if (typeof tool.function.name !== 'string' || tool.function.name === '') {
      return { status: 400, message: 'tool function name is required' };
    }
    const parameters = tool.function.parameters;
    if (parameters !== undefined && !isRecord(parameters)) {
      return unmarshal(
        parameters,
        'ToolFunction.tools.function.parameters',
        'api.ToolFunctionParameters',
      );
    }
  }
  return undefined;
}

/**
 * Checks an `/api/chat` body as the real server does (ChatHandler and Go's JSON decoding):
 * body present and JSON, `model` set, messages of known roles with string content, base64
 * images, tool-call arguments as objects, typed options, `think` a bool or level.
 */
export function validateChatRequest(
  rawBody: string,
  body: unknown,
): ValidChatRequest | InvalidChatRequest {
  if (rawBody.trim() === '') return { status: 400, message: 'missing request body' };
  if (body === undefined) return { status: 400, message: 'invalid character in request body' };
  if (!isRecord(body)) return unmarshal(body, '', 'api.ChatRequest');
  if (body.model !== undefined && typeof body.model !== 'string') {
    return unmarshal(body.model, 'ChatRequest.model', 'string');
  }
  if (typeof body.model !== 'string' || body.model.trim() === '') {
    return { status: 400, message: 'model is required' };
  }
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    return unmarshal(body.stream, 'ChatRequest.stream', 'bool');
  }
  const think = body.think;
  if (think !== undefined && think !== null && typeof think !== 'boolean') {
    if (typeof think !== 'string' || !['low', 'medium', 'high'].includes(think)) {
      return { status: 400, message: `think value ${JSON.stringify(think)} is not supported` };
    }
  }
  if (body.messages !== undefined && body.messages !== null) {
    if (!Array.isArray(body.messages)) {
      return unmarshal(body.messages, 'ChatRequest.messages', '[]api.Message');
    }
    for (const [index, message] of body.messages.entries()) {
      const invalid = validateMessage(message, index);
      if (invalid) return invalid;
    }
  }
  const invalid = validateTools(body.tools) ?? validateOptions(body.options);
  if (invalid) return invalid;
  return {
    model: body.model,
    stream: body.stream !== false,
    thinking: think !== false,
  };
}
