import { APIError, APIErrorType } from '../../errors/index.js';
import type { CacheControl, ContentPart, Message, ReasoningDetail } from '../../spec/index.js';
import type {
  AnthropicCacheControl,
  AnthropicImageBlock,
  AnthropicMessage,
  AnthropicRequestBlock,
  AnthropicTextBlock,
} from './wire.js';

/** Provider type stamped on (and required of) replayed reasoning. */
export const ANTHROPIC_SOURCE = 'anthropic';

const invalid = (message: string, provider: string, code: string) =>
  new APIError(message, { type: APIErrorType.INVALID_REQUEST, provider, code });

/** Anthropic tool ids must match `^[a-zA-Z0-9_-]+$`; other vendors' ids are mapped the same way in calls and results. */
export function sanitizeToolId(id: string): string {
  const cleaned = id.replace(/[^a-zA-Z0-9_-]/g, '_');
  return cleaned === '' ? 'toolu_empty' : cleaned;
}

export function toCacheControl(cache: CacheControl | undefined): AnthropicCacheControl | undefined {
  if (cache === undefined) return undefined;
  return cache.ttl === undefined ? { type: 'ephemeral' } : { type: 'ephemeral', ttl: cache.ttl };
}

function withCache<T extends AnthropicTextBlock | AnthropicImageBlock>(
  block: T,
  cache: CacheControl | undefined,
): T {
  const control = toCacheControl(cache);
  if (control !== undefined) block.cache_control = control;
  return block;
}

function imageBlock(part: Extract<ContentPart, { type: 'image' }>): AnthropicImageBlock {
  const { source } = part;
  if (source.type === 'base64') {
    return withCache(
      { type: 'image', source: { type: 'base64', media_type: source.mimeType, data: source.data } },
      part.cacheControl,
    );
  }
  // A data: URL is inline bytes, which the API takes only as a base64 source.
  const inline = /^data:([^;,]+);base64,(.*)$/s.exec(source.url);
  if (inline) {
    return withCache(
      {
        type: 'image',
        source: { type: 'base64', media_type: inline[1] ?? '', data: inline[2] ?? '' },
      },
      part.cacheControl,
    );
  }
  return withCache({ type: 'image', source: { type: 'url', url: source.url } }, part.cacheControl);
}

/** Text and image blocks of a message's content (empty text dropped: the API rejects it). */
export function contentBlocks(
  content: Message['content'],
): Array<AnthropicTextBlock | AnthropicImageBlock> {
  if (content === null) return [];
  if (typeof content === 'string') return content === '' ? [] : [{ type: 'text', text: content }];
  const blocks: Array<AnthropicTextBlock | AnthropicImageBlock> = [];
  for (const part of content) {
    if (part.type === 'text') {
      if (part.text !== '')
        blocks.push(withCache({ type: 'text', text: part.text }, part.cacheControl));
    } else if (part.type === 'image') {
      blocks.push(imageBlock(part));
    }
  }
  return blocks;
}

/** Anthropic-made reasoning replayed verbatim; foreign or unsigned reasoning cannot be replayed. */
function reasoningBlocks(details: ReasoningDetail[] | undefined): AnthropicRequestBlock[] {
  const blocks: AnthropicRequestBlock[] = [];
  for (const detail of details ?? []) {
    if (detail.source !== ANTHROPIC_SOURCE) continue;
    if (detail.type === 'text' && detail.signature) {
      blocks.push({ type: 'thinking', thinking: detail.text, signature: detail.signature });
    } else if (detail.type === 'redacted') {
      blocks.push({ type: 'redacted_thinking', data: detail.data });
    }
  }
  return blocks;
}

function parseArguments(text: string, name: string, provider: string): unknown {
  if (text.trim() === '') return {};
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw invalid(
      `The arguments of tool call "${name}" are not valid JSON`,
      provider,
      'invalid_tool_arguments',
    );
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid(
      `The arguments of tool call "${name}" must be a JSON object`,
      provider,
      'invalid_tool_arguments',
    );
  }
  return input;
}

function assistantBlocks(message: Message, provider: string): AnthropicRequestBlock[] {
  const blocks: AnthropicRequestBlock[] = [
    ...reasoningBlocks(message.reasoningDetails),
    ...contentBlocks(message.content),
  ];
  for (const call of message.toolCalls ?? []) {
    blocks.push({
      type: 'tool_use',
      id: sanitizeToolId(call.id),
      name: call.function.name,
      input: parseArguments(call.function.arguments, call.function.name, provider),
    });
  }
  return blocks;
}

function toolResultBlock(message: Message, index: number, provider: string): AnthropicRequestBlock {
  if (typeof message.toolCallId !== 'string' || message.toolCallId === '') {
    throw invalid(
      `Message ${index} has role "tool" but no toolCallId`,
      provider,
      'missing_tool_call_id',
    );
  }
  const content =
    typeof message.content === 'string' || message.content === null
      ? (message.content ?? '')
      : contentBlocks(message.content);
  const block: AnthropicRequestBlock = {
    type: 'tool_result',
    tool_use_id: sanitizeToolId(message.toolCallId),
    content,
  };
  if (message.isError) block.is_error = true;
  return block;
}

/**
 * Conversation messages (system ones excluded) → Anthropic messages: tool results become user
 * `tool_result` blocks, tool calls `tool_use` blocks after the replayed thinking, and consecutive
 * messages of the same role are merged, as the API wants strictly alternating roles.
 */
export function toAnthropicMessages(messages: Message[], provider: string): AnthropicMessage[] {
  const result: AnthropicMessage[] = [];
  messages.forEach((message, index) => {
    if (message.role === 'system') return;
    const role = message.role === 'assistant' ? 'assistant' : 'user';
    const blocks =
      message.role === 'assistant'
        ? assistantBlocks(message, provider)
        : message.role === 'tool'
          ? [toolResultBlock(message, index, provider)]
          : contentBlocks(message.content);
    if (blocks.length === 0) {
      if (role === 'assistant') return;
      throw invalid(`Message ${index} has no content`, provider, 'empty_message');
    }
    const last = blocks[blocks.length - 1];
    const control = toCacheControl(message.cacheControl);
    if (
      control !== undefined &&
      last !== undefined &&
      last.type !== 'thinking' &&
      last.type !== 'redacted_thinking'
    ) {
      last.cache_control = control;
    }
    const previous = result[result.length - 1];
    if (previous?.role === role) previous.content.push(...blocks);
    else result.push({ role, content: blocks });
  });
  return result;
}

/** System messages lifted into `system`: a string, or text blocks when any carries a cache breakpoint. */
export function toSystem(messages: Message[]): string | AnthropicTextBlock[] | undefined {
  const system = messages.filter((message) => message.role === 'system');
  if (system.length === 0) return undefined;
  const blocks: AnthropicTextBlock[] = [];
  let cached = false;
  for (const message of system) {
    const parts = contentBlocks(message.content).filter(
      (block): block is AnthropicTextBlock => block.type === 'text',
    );
    const control = toCacheControl(message.cacheControl);
    const last = parts[parts.length - 1];
    if (control !== undefined && last !== undefined) last.cache_control = control;
    if (parts.some((part) => part.cache_control !== undefined)) cached = true;
    blocks.push(...parts);
  }
  if (blocks.length === 0) return undefined;
  return cached ? blocks : blocks.map((block) => block.text).join('\n\n');
}
