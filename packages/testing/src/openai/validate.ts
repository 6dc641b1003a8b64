import type { ReasoningField } from './common.js';
import { type ErrorAnswer, invalidRequest } from './errors.js';

/** How strictly to validate: OpenAI's own rules, or a local OpenAI-compatible server's. */
export interface ValidationOptions {
  /** Reasoning field an OpenAI-compatible server accepts back on assistant messages. */
  reasoningField?: ReasoningField | undefined;
  /** Apply OpenAI's per-model rules (reasoning models reject `max_tokens` and `temperature`). */
  modelRules: boolean;
}

const topLevelFields = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'n',
  'stop',
  'max_tokens',
  'max_completion_tokens',
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'user',
  'safety_identifier',
  'prompt_cache_key',
  'prompt_cache_retention',
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'seed',
  'service_tier',
  'store',
  'metadata',
  'reasoning_effort',
  'verbosity',
  'modalities',
  'audio',
  'prediction',
  'web_search_options',
  'functions',
  'function_call',
]);

const roles = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];

const messageKeys: Record<string, string[]> = {
  system: ['role', 'content', 'name'],
  developer: ['role', 'content', 'name'],
  user: ['role', 'content', 'name'],
  assistant: ['role', 'content', 'name', 'tool_calls', 'refusal', 'audio', 'function_call'],
  tool: ['role', 'content', 'tool_call_id'],
  function: ['role', 'content', 'name'],
};

const partTypes = ['text', 'image_url', 'input_audio', 'refusal', 'audio', 'file'];

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const describe = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
};

const missing = (path: string): ErrorAnswer =>
  invalidRequest(`Missing required parameter: '${path}'.`, path, 'missing_required_parameter');

const emptyArray = (path: string): ErrorAnswer =>
  invalidRequest(
    `Invalid '${path}': empty array. Expected an array with minimum length 1, but got an empty array instead.`,
    path,
    'empty_array',
  );

const unexpectedKey = (key: string, location: string): ErrorAnswer =>
  invalidRequest(`Additional properties are not allowed ('${key}' was unexpected) - '${location}'`);

/** OpenAI's reasoning models (o-series, gpt-5 family), which take different parameters. */
export const isReasoningModel = (model: string): boolean => /^(o\d|gpt-5)/.test(model);

const imageUrlPattern = /^(https?:\/\/\S+|data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+)$/;

function validateParts(
  parts: unknown[],
  path: string,
  allowed: readonly string[],
): ErrorAnswer | undefined {
  if (parts.length === 0) return emptyArray(path);
  for (const [index, part] of parts.entries()) {
    const partPath = `${path}[${index}]`;
    if (!isObject(part)) {
      return invalidRequest(
        `Invalid type for '${partPath}': expected an object, but got ${describe(part)} instead.`,
        partPath,
        'invalid_type',
      );
    }
    if (!partTypes.includes(String(part.type)) || !allowed.includes(String(part.type))) {
      const supported = allowed.map((type) => `'${type}'`).join(', ');
      return invalidRequest(
        `Invalid value: '${String(part.type)}'. Supported values are: ${supported}.`,
        `${partPath}.type`,
        'invalid_value',
      );
    }
    if (part.type === 'text' && typeof part.text !== 'string') return missing(`${partPath}.text`);
    if (part.type === 'image_url') {
      const image = part.image_url;
      if (!isObject(image) || typeof image.url !== 'string')
        return missing(`${partPath}.image_url.url`);
      if (!imageUrlPattern.test(image.url)) {
        return invalidRequest(
          `Invalid '${partPath}.image_url.url'. Expected a valid URL or a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,aW1nIGJ5dGVzIGhlcmU='), but got a value with an invalid format.`,
          `${partPath}.image_url.url`,
          'invalid_value',
        );
      }
    }
  }
  return undefined;
}

function validateContent(message: Record<string, unknown>, index: number): ErrorAnswer | undefined {
  const path = `messages[${index}].content`;
  const content = message.content;
  if (message.role === 'assistant') {
    const hasCalls = Array.isArray(message.tool_calls) && message.tool_calls.length > 0;
    if (content === null || content === undefined) {
      return hasCalls
        ? undefined
        : invalidRequest(
            "Invalid value for 'content': expected a string, got null.",
            `messages.[${index}].content`,
          );
    }
    if (Array.isArray(content)) return validateParts(content, path, ['text', 'refusal']);
  } else {
    if (content === undefined) return missing(path);
    if (Array.isArray(content)) {
      const allowed =
        message.role === 'user' ? ['text', 'image_url', 'input_audio', 'file'] : ['text'];
      return validateParts(content, path, allowed);
    }
  }
  if (typeof content !== 'string') {
    return invalidRequest(
      `Invalid type for '${path}': expected one of a string or array of objects, but got ${describe(content)} instead.`,
      path,
      'invalid_type',
    );
  }
  return undefined;
}

function validateToolCalls(calls: unknown, index: number): string[] | ErrorAnswer {
  const path = `messages[${index}].tool_calls`;
  if (!Array.isArray(calls)) {
    return invalidRequest(
      `Invalid type for '${path}': expected an array of objects, but got ${describe(calls)} instead.`,
      path,
      'invalid_type',
    );
  }
  if (calls.length === 0) return emptyArray(path);
  const ids: string[] = [];
  for (const [callIndex, call] of calls.entries()) {
    const callPath = `${path}[${callIndex}]`;
    if (!isObject(call)) return missing(`${callPath}.id`);
    for (const key of Object.keys(call)) {
      if (!['id', 'type', 'function'].includes(key))
        return unexpectedKey(key, `messages.${index}.tool_calls.${callIndex}`);
    }
    if (typeof call.id !== 'string') return missing(`${callPath}.id`);
    if (call.id.length > 40) {
      return invalidRequest(
        `Invalid '${callPath}.id': string too long. Expected a string with maximum length 40, but got a string with length ${call.id.length} instead.`,
        `${callPath}.id`,
        'string_above_max_length',
      );
    }
    if (call.type !== 'function') return missing(`${callPath}.type`);
    const fn = call.function;
    if (!isObject(fn) || typeof fn.name !== 'string') return missing(`${callPath}.function.name`);
    if (typeof fn.arguments !== 'string') return missing(`${callPath}.function.arguments`);
    ids.push(call.id);
  }
  return ids;
}

const unansweredCalls = (pending: string[], assistantIndex: number): ErrorAnswer =>
  invalidRequest(
    `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`,
    `messages.[${assistantIndex}].role`,
  );

function validateMessages(
  messages: unknown[],
  options: ValidationOptions,
): ErrorAnswer | undefined {
  let pending: string[] = [];
  let assistantIndex = -1;
  for (const [index, message] of messages.entries()) {
    const path = `messages[${index}]`;
    if (!isObject(message)) {
      return invalidRequest(
        `Invalid type for '${path}': expected an object, but got ${describe(message)} instead.`,
        path,
        'invalid_type',
      );
    }
    if (message.role === undefined) return missing(`${path}.role`);
    if (typeof message.role !== 'string' || !roles.includes(message.role)) {
      return invalidRequest(
        `Invalid value: '${String(message.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`,
        `${path}.role`,
        'invalid_value',
      );
    }
    const allowed = [...(messageKeys[message.role] ?? [])];
    if (message.role === 'assistant' && options.reasoningField)
      allowed.push(options.reasoningField);
    for (const key of Object.keys(message)) {
      if (!allowed.includes(key)) return unexpectedKey(key, `messages.${index}`);
    }
    if (message.role === 'tool') {
      if (typeof message.tool_call_id !== 'string') return missing(`${path}.tool_call_id`);
      const answered = message.tool_call_id;
      if (!pending.includes(answered)) {
        return invalidRequest(
          "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.",
          `messages.[${index}].role`,
        );
      }
      pending = pending.filter((id) => id !== answered);
    } else if (pending.length > 0) {
      return unansweredCalls(pending, assistantIndex);
    }
    const contentError = validateContent(message, index);
    if (contentError) return contentError;
    if (message.role === 'assistant' && message.tool_calls !== undefined) {
      const ids = validateToolCalls(message.tool_calls, index);
      if (!Array.isArray(ids)) return ids;
      pending = ids;
      assistantIndex = index;
    }
  }
  return pending.length > 0 ? unansweredCalls(pending, assistantIndex) : undefined;
}

function validateTools(body: Record<string, unknown>): ErrorAnswer | undefined {
  const tools = body.tools;
  if (tools === undefined) {
    for (const field of ['tool_choice', 'parallel_tool_calls']) {
      if (body[field] !== undefined) {
        return invalidRequest(
          `Invalid value for '${field}': '${field}' is only allowed when 'tools' are specified.`,
          field,
        );
      }
    }
    return undefined;
  }
  if (!Array.isArray(tools)) {
    return invalidRequest(
      `Invalid type for 'tools': expected an array of objects, but got ${describe(tools)} instead.`,
      'tools',
      'invalid_type',
    );
  }
  if (tools.length === 0) return emptyArray('tools');
  for (const [index, tool] of tools.entries()) {
    const path = `tools[${index}]`;
    if (!isObject(tool) || tool.type !== 'function') return missing(`${path}.type`);
    const fn = tool.function;
    if (!isObject(fn) || typeof fn.name !== 'string') return missing(`${path}.function.name`);
    if (!/^[a-zA-Z0-9_-]{1,64}$/.test(fn.name)) {
      return invalidRequest(
        `Invalid '${path}.function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`,
        `${path}.function.name`,
        'invalid_value',
      );
    }
  }
  return undefined;
}

function validateModelRules(body: Record<string, unknown>, model: string): ErrorAnswer | undefined {
  if (isReasoningModel(model)) {
    if (body.max_tokens !== undefined) {
      return invalidRequest(
        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
        'max_tokens',
        'unsupported_parameter',
      );
    }
    for (const field of ['temperature', 'top_p']) {
      const value = body[field];
      if (value !== undefined && value !== 1) {
        return invalidRequest(
          `Unsupported value: '${field}' does not support ${String(value)} with this model. Only the default (1) value is supported.`,
          field,
          'unsupported_value',
        );
      }
    }
  } else if (body.reasoning_effort !== undefined) {
    return invalidRequest(
      "Unsupported parameter: 'reasoning_effort' is not supported with this model.",
      'reasoning_effort',
      'unsupported_parameter',
    );
  }
  return undefined;
}

/**
 * Validates a `POST /chat/completions` body about as strictly as the real API and returns its
 * 400 answer, or `undefined` when the request is acceptable.
 */
export function validateChatRequest(
  body: unknown,
  options: ValidationOptions,
): ErrorAnswer | undefined {
  if (!isObject(body)) {
    return invalidRequest(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)",
    );
  }
  for (const key of Object.keys(body)) {
    if (!topLevelFields.has(key))
      return invalidRequest(`Unrecognized request argument supplied: ${key}`);
  }
  if (typeof body.model !== 'string' || body.model === '')
    return invalidRequest('you must provide a model parameter');
  const messages = body.messages;
  if (messages === undefined) return missing('messages');
  if (!Array.isArray(messages)) {
    return invalidRequest(
      `Invalid type for 'messages': expected an array of objects, but got ${describe(messages)} instead.`,
      'messages',
      'invalid_type',
    );
  }
  if (messages.length === 0) return emptyArray('messages');
  const messageError = validateMessages(messages, options);
  if (messageError) return messageError;
  const toolError = validateTools(body);
  if (toolError) return toolError;
  if (body.stream_options !== undefined && body.stream !== true) {
    return invalidRequest(
      "The 'stream_options' parameter is only allowed when 'stream' is enabled.",
      'stream_options',
    );
  }
  return options.modelRules ? validateModelRules(body, body.model) : undefined;
}
