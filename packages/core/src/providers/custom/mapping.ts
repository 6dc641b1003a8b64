import { APIError, APIErrorType } from '../../errors/index.js';
import type { CustomConfig, CustomMapping, FinishReason } from '../../spec/index.js';
import { type PathSegment, parseJsonPath } from './json-path.js';
import { PLACEHOLDERS, placeholdersIn } from './template.js';

type Path = readonly PathSegment[];

/** A validated mapping with its paths parsed once. */
export interface CompiledMapping {
  chatPath: string;
  streamPath: string;
  template: unknown;
  response: {
    text: Path;
    id?: Path;
    model?: Path;
    finishReason?: Path;
    toolCalls?: Path;
    promptTokens?: Path;
    completionTokens?: Path;
  };
  stream?: {
    format: 'sse' | 'ndjson';
    delta: Path;
    doneSentinel?: string;
    done?: Path;
    finishReason?: Path;
    toolCalls?: Path;
    promptTokens?: Path;
    completionTokens?: Path;
    streamField?: Path;
  };
  errorMessage?: Path;
  finishReasons: Record<string, FinishReason>;
}

const finishReasons = new Set<FinishReason>(['stop', 'length', 'tool_calls', 'content_filter']);
const compiled = new WeakMap<CustomMapping, CompiledMapping>();

const invalid = (provider: string, message: string) =>
  new APIError(`Custom provider "${provider}": ${message}`, {
    type: APIErrorType.INVALID_REQUEST,
    provider,
    code: 'invalid_mapping',
  });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a `CustomConfig`'s mapping and compiles it; throws `invalid_request` naming the bad field. */
export function compileMapping(config: CustomConfig): CompiledMapping {
  const provider = config.id ?? config.name ?? 'custom';
  if (config.requestFormat !== 'custom') {
    throw invalid(
      provider,
      `requestFormat is "${String(config.requestFormat)}"; the declarative adapter serves only "custom"`,
    );
  }
  const mapping: unknown = config.mapping;
  if (!isRecord(mapping))
    throw invalid(provider, 'mapping is required when requestFormat is "custom"');
  const cached = compiled.get(mapping as unknown as CustomMapping);
  if (cached) return cached;

  const path = (field: string, value: unknown, required: boolean): Path | undefined => {
    if (value === undefined && !required) return undefined;
    const parsed = typeof value === 'string' ? parseJsonPath(value) : undefined;
    if (parsed === undefined) {
      throw invalid(
        provider,
        `mapping.${field} must be a JSON path like "choices[0].message.content", got ${JSON.stringify(value)}`,
      );
    }
    return parsed;
  };
  const route = (field: string, value: unknown, fallback: string): string => {
    if (value === undefined) return fallback;
    if (typeof value !== 'string' || value === '' || /\s/.test(value)) {
      throw invalid(provider, `mapping.${field} must be a URL path such as "/generate"`);
    }
    return value;
  };

  if (
    mapping.requestTemplate === undefined ||
    typeof mapping.requestTemplate !== 'object' ||
    mapping.requestTemplate === null
  ) {
    throw invalid(provider, 'mapping.requestTemplate must be a JSON object (or array) template');
  }
  const unknown = [...placeholdersIn(mapping.requestTemplate)].filter(
    (name) => !(PLACEHOLDERS as readonly string[]).includes(name),
  );
  if (unknown.length > 0) {
    throw invalid(
      provider,
      `mapping.requestTemplate uses unknown placeholder {{${unknown[0]}}}; known: ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}`,
    );
  }
  if (!isRecord(mapping.response))
    throw invalid(provider, 'mapping.response is required (at least response.text)');
  const response = mapping.response;
  const chatPath = route('chatPath', mapping.chatPath, '/chat');
  const result: CompiledMapping = {
    chatPath,
    streamPath: route('streamPath', mapping.streamPath, chatPath),
    template: mapping.requestTemplate,
    response: { text: path('response.text', response.text, true)! },
    finishReasons: {},
  };
  for (const field of [
    'id',
    'model',
    'finishReason',
    'toolCalls',
    'promptTokens',
    'completionTokens',
  ] as const) {
    const parsed = path(`response.${field}`, response[field], false);
    if (parsed) result.response[field] = parsed;
  }
  if (mapping.stream !== undefined) {
    if (!isRecord(mapping.stream)) throw invalid(provider, 'mapping.stream must be an object');
    const stream = mapping.stream;
    if (stream.format !== 'sse' && stream.format !== 'ndjson') {
      throw invalid(
        provider,
        `mapping.stream.format must be "sse" or "ndjson", got ${JSON.stringify(stream.format)}`,
      );
    }
    result.stream = { format: stream.format, delta: path('stream.delta', stream.delta, true)! };
    if (stream.doneSentinel !== undefined) {
      if (typeof stream.doneSentinel !== 'string' || stream.doneSentinel === '') {
        throw invalid(
          provider,
          'mapping.stream.doneSentinel must be a non-empty string such as "[DONE]"',
        );
      }
      result.stream.doneSentinel = stream.doneSentinel;
    }
    for (const field of [
      'done',
      'finishReason',
      'toolCalls',
      'promptTokens',
      'completionTokens',
      'streamField',
    ] as const) {
      const parsed = path(`stream.${field}`, stream[field], false);
      if (parsed) result.stream[field] = parsed;
    }
  }
  const errorMessage = path('errorMessage', mapping.errorMessage, false);
  if (errorMessage) result.errorMessage = errorMessage;
  if (mapping.finishReasons !== undefined) {
    if (!isRecord(mapping.finishReasons))
      throw invalid(provider, 'mapping.finishReasons must be an object');
    for (const [vendor, ours] of Object.entries(mapping.finishReasons)) {
      if (!finishReasons.has(ours as FinishReason)) {
        throw invalid(
          provider,
          `mapping.finishReasons["${vendor}"] must be one of stop, length, tool_calls, content_filter`,
        );
      }
      result.finishReasons[vendor] = ours as FinishReason;
    }
  }
  compiled.set(mapping as unknown as CustomMapping, result);
  return result;
}

const commonFinishReasons: Record<string, FinishReason> = {
  stop: 'stop',
  end: 'stop',
  end_turn: 'stop',
  eos: 'stop',
  complete: 'stop',
  completed: 'stop',
  stop_sequence: 'stop',
  length: 'length',
  max_tokens: 'length',
  max_length: 'length',
  tool_calls: 'tool_calls',
  tool_use: 'tool_calls',
  function_call: 'tool_calls',
  content_filter: 'content_filter',
  safety: 'content_filter',
};

/** A vendor finish value → ours (mapping first, then common names, then `stop`). */
export function mapFinishReason(
  mapping: CompiledMapping,
  value: unknown,
  hasToolCalls: boolean,
): FinishReason {
  const text = typeof value === 'string' ? value : undefined;
  const mapped =
    text === undefined
      ? undefined
      : (mapping.finishReasons[text] ?? commonFinishReasons[text.toLowerCase()]);
  if (mapped !== undefined && mapped !== 'stop') return mapped;
  return hasToolCalls ? 'tool_calls' : (mapped ?? 'stop');
}
