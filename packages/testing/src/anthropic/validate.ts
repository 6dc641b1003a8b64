import type { ThinkingSigner } from './signature.js';
import { type CacheCounter, checkCacheControl, checkMessages } from './validate-messages.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TOP_LEVEL_KEYS = [
  'model',
  'messages',
  'max_tokens',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'service_tier',
  'container',
  'context_management',
  'mcp_servers',
  'inference_geo',
  'output_config',
];

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

const BUDGET_MESSAGE =
  '`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size';

/** A request that passed validation, with what the answer needs. */
export interface ValidRequest {
  model: string;
  messages: unknown[];
  stream: boolean;
  thinkingEnabled: boolean;
}

function checkThinking(body: Json, maxTokens: number): string | boolean {
  const thinking = body.thinking;
  if (thinking === undefined) return false;
  if (!isObject(thinking)) return 'thinking: Input should be a valid dictionary or object';
  if (thinking.type === 'disabled') return false;
  if (thinking.type !== 'enabled') {
    return `thinking: Input tag '${String(thinking.type)}' found using 'type' does not match any of the expected tags: 'enabled', 'disabled'`;
  }
  const budget = thinking.budget_tokens;
  if (typeof budget !== 'number' || !Number.isInteger(budget))
    return 'thinking.enabled.budget_tokens: Field required';
  if (budget < 1024)
    return 'thinking.enabled.budget_tokens: Input should be greater than or equal to 1024';
  if (budget >= maxTokens) return BUDGET_MESSAGE;
  if (body.temperature !== undefined && body.temperature !== 1) {
    return '`temperature` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility';
  }
  if (body.top_k !== undefined) {
    return '`top_k` must be unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#feature-compatibility';
  }
  const choice = body.tool_choice;
  if (isObject(choice) && (choice.type === 'any' || choice.type === 'tool')) {
    return 'Thinking may not be enabled when tool_choice forces tool use.';
  }
  return true;
}

function checkTools(tools: unknown, counter: CacheCounter): string | undefined {
  if (tools === undefined) return undefined;
  if (!Array.isArray(tools)) return 'tools: Input should be a valid list';
  const names = new Set<string>();
  for (const [index, tool] of tools.entries()) {
    const path = `tools.${index}.custom`;
    if (!isObject(tool)) return `tools.${index}: Input should be a valid dictionary or object`;
    for (const key of Object.keys(tool)) {
      if (
        !['name', 'description', 'input_schema', 'cache_control', 'type', 'strict'].includes(key)
      ) {
        return `${path}.${key}: Extra inputs are not permitted`;
      }
    }
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name)) {
      return `${path}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
    }
    if (names.has(tool.name)) return 'tools: Tool names must be unique.';
    names.add(tool.name);
    if (!isObject(tool.input_schema)) return `${path}.input_schema: Field required`;
    if (tool.input_schema.type !== 'object')
      return `${path}.input_schema.type: Input should be 'object'`;
    const cache = checkCacheControl(tool.cache_control, `tools.${index}`, counter);
    if (cache) return cache;
  }
  return undefined;
}

function checkSystem(system: unknown, counter: CacheCounter): string | undefined {
  if (system === undefined || typeof system === 'string') return undefined;
  if (!Array.isArray(system)) return 'system: Input should be a valid string or list';
  for (const [index, block] of system.entries()) {
    if (!isObject(block) || block.type !== 'text' || typeof block.text !== 'string') {
      return `system.${index}: Input should be a valid text block`;
    }
    const cache = checkCacheControl(block.cache_control, `system.${index}`, counter);
    if (cache) return cache;
  }
  return undefined;
}

function checkToolChoice(choice: unknown, tools: unknown): string | undefined {
  if (choice === undefined) return undefined;
  if (!isObject(choice) || !['auto', 'any', 'tool', 'none'].includes(String(choice.type))) {
    return "tool_choice: Input tag found using 'type' does not match any of the expected tags: 'auto', 'any', 'tool', 'none'";
  }
  if (choice.type === 'tool') {
    const names = Array.isArray(tools) ? tools.filter(isObject).map((tool) => tool.name) : [];
    if (typeof choice.name !== 'string') return 'tool_choice.tool.name: Field required';
    if (!names.includes(choice.name))
      return `tool_choice.tool.name: Tool '${choice.name}' not found in tools`;
  }
  return undefined;
}

/**
 * Validates a `POST /v1/messages` body about as strictly as the real API. Returns the request's
 * essentials, or the real `invalid_request_error` message.
 */
export function validateMessagesRequest(
  body: unknown,
  signer: ThinkingSigner,
  version = '2023-06-01',
): ValidRequest | string {
  if (!isObject(body))
    return 'There was an issue with the format of your request: the body must be a JSON object.';
  for (const key of Object.keys(body)) {
    if (!TOP_LEVEL_KEYS.includes(key)) return `${key}: Extra inputs are not permitted`;
  }
  if (version >= '2026-10-21') {
    // API version 2026-10-21 removed the sampling parameters.
    for (const key of ['temperature', 'top_p', 'top_k']) {
      if (key in body) return `${key}: Extra inputs are not permitted`;
    }
  }
  if (typeof body.model !== 'string' || body.model === '') return 'model: Field required';
  if (body.max_tokens === undefined) return 'max_tokens: Field required';
  const maxTokens = body.max_tokens;
  if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens))
    return 'max_tokens: Input should be a valid integer';
  if (maxTokens < 1) return 'max_tokens: Input should be greater than or equal to 1';
  if (body.stream !== undefined && typeof body.stream !== 'boolean')
    return 'stream: Input should be a valid boolean';
  if (
    body.temperature !== undefined &&
    (typeof body.temperature !== 'number' || body.temperature < 0 || body.temperature > 1)
  ) {
    return 'temperature: Input should be less than or equal to 1';
  }
  const thinking = checkThinking(body, maxTokens);
  if (typeof thinking === 'string') return thinking;
  const counter: CacheCounter = { count: 0 };
  const problem =
    checkSystem(body.system, counter) ??
    checkTools(body.tools, counter) ??
    checkToolChoice(body.tool_choice, body.tools);
  if (problem) return problem;
  const summary = checkMessages(body.messages, thinking, signer, counter);
  if (typeof summary === 'string') return summary;
  if (summary.usesTools && !Array.isArray(body.tools)) {
    return 'Requests which include `tool_use` or `tool_result` blocks must define tools.';
  }
  if (counter.count > 4)
    return `A maximum of 4 blocks with cache_control may be provided. Found ${counter.count}.`;
  return {
    model: body.model,
    messages: body.messages as unknown[],
    stream: body.stream === true,
    thinkingEnabled: thinking,
  };
}
