import type { ThinkingSigner } from './signature.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const TOOL_ID = /^[a-zA-Z0-9_-]+$/;

const THINKING_FIRST =
  'When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking';

/** Per-block keys the API accepts (anything else is "Extra inputs are not permitted"). */
const blockKeys: Record<string, { user: boolean; assistant: boolean; keys: string[] }> = {
  text: { user: true, assistant: true, keys: ['type', 'text', 'cache_control', 'citations'] },
  image: { user: true, assistant: false, keys: ['type', 'source', 'cache_control'] },
  document: {
    user: true,
    assistant: false,
    keys: ['type', 'source', 'cache_control', 'title', 'context', 'citations'],
  },
  tool_use: {
    user: false,
    assistant: true,
    keys: ['type', 'id', 'name', 'input', 'cache_control', 'caller'],
  },
  tool_result: {
    user: true,
    assistant: false,
    keys: ['type', 'tool_use_id', 'content', 'is_error', 'cache_control'],
  },
  thinking: { user: false, assistant: true, keys: ['type', 'thinking', 'signature'] },
  redacted_thinking: { user: false, assistant: true, keys: ['type', 'data'] },
};

/** Counts `cache_control` breakpoints as the API does (at most 4 per request). */
export interface CacheCounter {
  count: number;
}

export function checkCacheControl(
  value: unknown,
  path: string,
  counter: CacheCounter,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || value.type !== 'ephemeral') {
    return `${path}.cache_control.type: Input should be 'ephemeral'`;
  }
  if (value.ttl !== undefined && value.ttl !== '5m' && value.ttl !== '1h') {
    return `${path}.cache_control.ttl: Input should be '5m' or '1h'`;
  }
  counter.count++;
  return undefined;
}

function checkImage(block: Json, path: string): string | undefined {
  const source = block.source;
  if (!isObject(source)) return `${path}.source: Field required`;
  if (source.type === 'base64') {
    const types = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'];
    if (typeof source.media_type !== 'string' || !types.includes(source.media_type)) {
      return `${path}.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
    }
    if (typeof source.data !== 'string' || source.data === '')
      return `${path}.source.base64.data: Field required`;
    return undefined;
  }
  if (source.type === 'url') {
    if (typeof source.url !== 'string') return `${path}.source.url.url: Field required`;
    return undefined;
  }
  return `${path}.source: Input tag '${String(source.type)}' found using 'type' does not match any of the expected tags: 'base64', 'url'`;
}

function checkBlock(
  block: unknown,
  path: string,
  role: string,
  signer: ThinkingSigner,
  counter: CacheCounter,
): string | undefined {
  if (!isObject(block)) return `${path}: Input should be a valid dictionary or object`;
  const spec = typeof block.type === 'string' ? blockKeys[block.type] : undefined;
  if (!spec) {
    return `${path}: Input tag '${String(block.type)}' found using 'type' does not match any of the expected tags`;
  }
  if (!(role === 'user' ? spec.user : spec.assistant)) {
    return `${path}.type: \`${block.type}\` blocks are not allowed in \`${role}\` messages`;
  }
  for (const key of Object.keys(block)) {
    if (!spec.keys.includes(key))
      return `${path}.${block.type}.${key}: Extra inputs are not permitted`;
  }
  const cache = checkCacheControl(block.cache_control, path, counter);
  if (cache) return cache;
  switch (block.type) {
    case 'text':
      if (typeof block.text !== 'string') return `${path}.text.text: Field required`;
      if (block.text === '') return `${path}: text content blocks must be non-empty`;
      return undefined;
    case 'image':
      return checkImage(block, `${path}.image`);
    case 'tool_use':
      if (typeof block.id !== 'string' || !TOOL_ID.test(block.id)) {
        return `${path}.tool_use.id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      }
      if (typeof block.name !== 'string' || block.name === '')
        return `${path}.tool_use.name: Field required`;
      if (!isObject(block.input))
        return `${path}.tool_use.input: Input should be a valid dictionary`;
      return undefined;
    case 'tool_result':
      if (typeof block.tool_use_id !== 'string' || !TOOL_ID.test(block.tool_use_id)) {
        return `${path}.tool_result.tool_use_id: String should match pattern '^[a-zA-Z0-9_-]+$'`;
      }
      if (block.is_error !== undefined && typeof block.is_error !== 'boolean') {
        return `${path}.tool_result.is_error: Input should be a valid boolean`;
      }
      if (
        block.content !== undefined &&
        typeof block.content !== 'string' &&
        !Array.isArray(block.content)
      ) {
        return `${path}.tool_result.content: Input should be a valid string or list`;
      }
      return undefined;
    case 'thinking':
      if (typeof block.thinking !== 'string') return `${path}.thinking.thinking: Field required`;
      if (typeof block.signature !== 'string') return `${path}.thinking.signature: Field required`;
      if (!signer.verify(block.thinking, block.signature))
        return `${path}: Invalid \`signature\` in \`thinking\` block`;
      return undefined;
    case 'redacted_thinking':
      if (typeof block.data !== 'string' || !signer.verifyRedacted(block.data)) {
        return `${path}: Invalid \`data\` in \`redacted_thinking\` block`;
      }
      return undefined;
    default:
      return undefined;
  }
}

const blocksOf = (content: unknown): Json[] =>
  Array.isArray(content) ? content.filter(isObject) : [];

/** What the message checks learned, for the top-level checks that depend on it. */
export interface MessagesSummary {
  usesTools: boolean;
}

/**
 * Checks `messages` as strictly as the real API: roles, alternation, block shapes per role,
 * tool ids, every tool_result answering a tool_use of the previous assistant turn (and every
 * tool_use answered), replayed thinking signatures, and with thinking enabled the continued
 * assistant tool turn starting with its thinking block. Returns the API's message on failure.
 */
export function checkMessages(
  messages: unknown,
  thinkingEnabled: boolean,
  signer: ThinkingSigner,
  counter: CacheCounter,
): string | MessagesSummary {
  if (messages === undefined) return 'messages: Field required';
  if (!Array.isArray(messages)) return 'messages: Input should be a valid list';
  if (messages.length === 0) return 'messages: at least one message is required';
  let usesTools = false;
  let previousRole: string | undefined;
  for (const [index, message] of messages.entries()) {
    const path = `messages.${index}`;
    if (!isObject(message)) return `${path}: Input should be a valid dictionary or object`;
    const { role, content } = message;
    if (role === 'system') {
      return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
    }
    if (role !== 'user' && role !== 'assistant')
      return `${path}.role: Input should be 'user' or 'assistant'`;
    if (index === 0 && role !== 'user') return 'messages: first message must use the "user" role';
    if (role === previousRole)
      return 'messages: roles must alternate between "user" and "assistant"';
    previousRole = role;
    for (const key of Object.keys(message)) {
      if (key !== 'role' && key !== 'content')
        return `${path}.${key}: Extra inputs are not permitted`;
    }
    if (typeof content === 'string') {
      if (content === '' && index < messages.length - 1)
        return `${path}: all messages must have non-empty content except for the optional final assistant message`;
      continue;
    }
    if (!Array.isArray(content)) return `${path}.content: Input should be a valid string or list`;
    if (content.length === 0 && !(role === 'assistant' && index === messages.length - 1)) {
      return `${path}: all messages must have non-empty content except for the optional final assistant message`;
    }
    for (const [blockIndex, block] of content.entries()) {
      const problem = checkBlock(block, `${path}.content.${blockIndex}`, role, signer, counter);
      if (problem) return problem;
    }
    const blocks = blocksOf(content);
    if (blocks.some((block) => block.type === 'tool_use' || block.type === 'tool_result'))
      usesTools = true;
    const problem = checkToolPairing(messages, index, blocks);
    if (problem) return problem;
  }
  const problem = thinkingEnabled ? checkThinkingFirst(messages) : undefined;
  return problem ?? { usesTools };
}

function checkToolPairing(messages: unknown[], index: number, blocks: Json[]): string | undefined {
  const path = `messages.${index}`;
  const results = blocks
    .filter((block) => block.type === 'tool_result')
    .map((block) => String(block.tool_use_id));
  if (results.length > 0) {
    const previous = messages[index - 1];
    const calls = new Set(
      blocksOf(isObject(previous) ? previous.content : undefined)
        .filter((block) => block.type === 'tool_use')
        .map((block) => String(block.id)),
    );
    const unexpected = results.filter((id) => !calls.has(id));
    if (unexpected.length > 0) {
      return `${path}.content.0: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.join(', ')}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    }
  }
  const calls = blocks
    .filter((block) => block.type === 'tool_use')
    .map((block) => String(block.id));
  const next = messages[index + 1];
  if (calls.length > 0 && next !== undefined) {
    const answered = new Set(
      blocksOf(isObject(next) ? next.content : undefined)
        .filter((block) => block.type === 'tool_result')
        .map((block) => String(block.tool_use_id)),
    );
    const missing = calls.filter((id) => !answered.has(id));
    if (missing.length > 0) {
      return `${path}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    }
  }
  return undefined;
}

/** With thinking on, the assistant turn whose tool calls the last user turn answers must start with thinking. */
function checkThinkingFirst(messages: unknown[]): string | undefined {
  const last = messages[messages.length - 1];
  if (!isObject(last) || last.role !== 'user') return undefined;
  if (!blocksOf(last.content).some((block) => block.type === 'tool_result')) return undefined;
  const index = messages.length - 2;
  const assistant = messages[index];
  const first = blocksOf(isObject(assistant) ? assistant.content : undefined)[0];
  if (first && (first.type === 'thinking' || first.type === 'redacted_thinking')) return undefined;
  return `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${String(first?.type)}\`. ${THINKING_FIRST}`;
}
