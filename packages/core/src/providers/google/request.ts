import type { CallContext, WireRequest } from '../../adapter/definition.js';
import { APIError, APIErrorType } from '../../errors/index.js';
import type {
  ChatRequest,
  ContentPart,
  GoogleConfig,
  ImagePart,
  Message,
  ReasoningOptions,
  ToolChoice,
} from '../../spec/index.js';
import { SIGNATURE_SOURCE } from './parts.js';
import { toGeminiSchema } from './schema.js';
import type {
  GeminiContent,
  GeminiGenerationConfig,
  GeminiPart,
  GeminiRequestBody,
} from './wire.js';

/**
 * Google's documented thought signature for function calls that Gemini did not produce (a
 * conversation imported from another vendor). See https://ai.google.dev/gemini-api/docs/thought-signatures.
 */
export const FOREIGN_CALL_SIGNATURE = 'skip_thought_signature_validator';

const invalid = (message: string, provider: string, code: string) =>
  new APIError(message, { type: APIErrorType.INVALID_REQUEST, provider, code });

/** Thinking budgets for `reasoning.effort` (tokens). */
const effortBudgets: Record<NonNullable<ReasoningOptions['effort']>, number> = {
  minimal: 512,
  low: 1024,
  medium: 8192,
  high: 24_576,
};

const imageTypes: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heif',
  gif: 'image/gif',
};

function imagePart(part: ImagePart, provider: string): GeminiPart {
  const source = part.source;
  if (source.type === 'base64')
    return { inlineData: { mimeType: source.mimeType, data: source.data } };
  const dataUrl = /^data:([^;,]+);base64,(.*)$/s.exec(source.url);
  if (dataUrl !== null) return { inlineData: { mimeType: dataUrl[1]!, data: dataUrl[2]! } };
  if (!/^(https|gs):\/\//i.test(source.url)) {
    throw invalid(
      'Gemini takes image URLs only as https:// or gs:// (or base64 data)',
      provider,
      'unsupported_image_url',
    );
  }
  const extension = /\.([a-z0-9]+)(?:[?#].*)?$/i
    .exec(new URL(source.url).pathname)?.[1]
    ?.toLowerCase();
  const mimeType = extension === undefined ? undefined : imageTypes[extension];
  if (mimeType === undefined) {
    throw invalid(
      'Gemini needs the MIME type of an image URL, and it cannot be told from this URL: pass the image as base64 with its mimeType, or use a URL ending in .png, .jpg, .webp, .heic or .heif',
      provider,
      'unknown_image_type',
    );
  }
  return { fileData: { mimeType, fileUri: source.url } };
}

function contentParts(content: Message['content'], provider: string): GeminiPart[] {
  if (content === null) return [];
  if (typeof content === 'string') return [{ text: content }];
  return content.map((part: ContentPart) =>
    part.type === 'text' ? { text: part.text } : imagePart(part, provider),
  );
}

function textOnly(content: Message['content'], provider: string, role: string): string {
  if (content === null || typeof content === 'string') return content ?? '';
  if (content.some((part) => part.type !== 'text')) {
    throw invalid(`Gemini takes only text in ${role} messages`, provider, 'unsupported_content');
  }
  return content.map((part) => (part.type === 'text' ? part.text : '')).join('');
}

function parseArguments(raw: string, name: string, provider: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    throw invalid(
      `The arguments of tool call "${name}" are not valid JSON`,
      provider,
      'invalid_tool_arguments',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw invalid(
      `The arguments of tool call "${name}" must be a JSON object`,
      provider,
      'invalid_tool_arguments',
    );
  }
  return parsed as Record<string, unknown>;
}

/** An assistant message → a `model` turn, replaying Google signatures on their parts. */
function modelTurn(message: Message, provider: string): GeminiContent {
  const parts: GeminiPart[] = [];
  const text = textOnly(message.content, provider, 'assistant');
  const signature = message.reasoningDetails?.find(
    (detail) => detail.type === 'text' && detail.source === SIGNATURE_SOURCE && detail.signature,
  );
  const textSignature = signature?.type === 'text' ? signature.signature : undefined;
  if (text !== '' || textSignature !== undefined) {
    parts.push(textSignature === undefined ? { text } : { text, thoughtSignature: textSignature });
  }
  const calls = message.toolCalls ?? [];
  const hasGoogleSignature = calls.some(
    (call) => call.signatureSource === SIGNATURE_SOURCE && call.signature,
  );
  for (const [index, call] of calls.entries()) {
    const part: GeminiPart = {
      functionCall: {
        name: call.function.name,
        args: parseArguments(call.function.arguments, call.function.name, provider),
      },
    };
    if (call.signatureSource === SIGNATURE_SOURCE && call.signature)
      part.thoughtSignature = call.signature;
    else if (index === 0 && !hasGoogleSignature) part.thoughtSignature = FOREIGN_CALL_SIGNATURE;
    parts.push(part);
  }
  if (parts.length === 0) parts.push({ text: '' });
  return { role: 'model', parts };
}

function toolResult(message: Message, name: string, provider: string): GeminiPart {
  const text = textOnly(message.content, provider, 'tool');
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Plain text result.
  }
  return {
    functionResponse: { name, response: message.isError ? { error: value } : { result: value } },
  };
}

/** Messages → `systemInstruction` and `contents` (assistant → `model`, tool results → `functionResponse`). */
export function toContents(messages: Message[], provider: string) {
  const system: GeminiPart[] = [];
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  let pendingResults: GeminiContent | undefined;
  for (const message of messages) {
    if (message.role !== 'tool') pendingResults = undefined;
    if (message.role === 'system') {
      system.push({ text: textOnly(message.content, provider, 'system') });
    } else if (message.role === 'user') {
      const parts = contentParts(message.content, provider);
      contents.push({ role: 'user', parts: parts.length > 0 ? parts : [{ text: '' }] });
    } else if (message.role === 'assistant') {
      for (const call of message.toolCalls ?? []) callNames.set(call.id, call.function.name);
      contents.push(modelTurn(message, provider));
    } else {
      const name = message.toolCallId === undefined ? undefined : callNames.get(message.toolCallId);
      if (name === undefined) {
        throw invalid(
          `Tool message answers call id "${message.toolCallId ?? ''}", which no earlier assistant message made`,
          provider,
          'unknown_tool_call_id',
        );
      }
      // Consecutive tool results are one user turn of functionResponse parts.
      if (pendingResults === undefined) {
        pendingResults = { role: 'user', parts: [] };
        contents.push(pendingResults);
      }
      pendingResults.parts.push(toolResult(message, name, provider));
    }
  }
  return { system, contents };
}

function toolConfig(choice: ToolChoice): NonNullable<GeminiRequestBody['toolConfig']> {
  if (choice === 'auto') return { functionCallingConfig: { mode: 'AUTO' } };
  if (choice === 'none') return { functionCallingConfig: { mode: 'NONE' } };
  if (choice === 'required') return { functionCallingConfig: { mode: 'ANY' } };
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [choice.function.name] } };
}

function generationConfig(request: ChatRequest): GeminiGenerationConfig {
  const config: GeminiGenerationConfig = {};
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.topP !== undefined) config.topP = request.topP;
  if (request.maxTokens !== undefined) config.maxOutputTokens = request.maxTokens;
  if (request.stop !== undefined && request.stop.length > 0) config.stopSequences = request.stop;
  if (request.responseFormat?.type === 'json_object') config.responseMimeType = 'application/json';
  const reasoning = request.reasoning;
  if (reasoning !== undefined) {
    const budget =
      reasoning.budgetTokens ?? (reasoning.effort ? effortBudgets[reasoning.effort] : undefined);
    config.thinkingConfig = {
      ...(budget !== undefined ? { thinkingBudget: budget } : {}),
      includeThoughts: reasoning.includeReasoning ?? true,
    };
  }
  return config;
}

/** The model id without a `models/` prefix. */
const modelId = (model: string) =>
  model.startsWith('models/') ? model.slice('models/'.length) : model;

/** `ChatRequest` → `POST /{version}/models/{model}:generateContent` (or `:streamGenerateContent?alt=sse`). */
export function buildGeminiRequest(
  request: ChatRequest,
  context: CallContext<GoogleConfig>,
  stream: boolean,
): WireRequest {
  const provider = context.providerName;
  const { system, contents } = toContents(request.messages, provider);
  if (contents.length === 0) {
    throw invalid(
      'Gemini needs at least one user or assistant message besides system messages',
      provider,
      'missing_messages',
    );
  }
  const body: GeminiRequestBody = { contents, generationConfig: generationConfig(request) };
  if (system.length > 0) body.systemInstruction = { parts: system };
  if (request.tools !== undefined && request.tools.length > 0) {
    body.tools = [
      {
        functionDeclarations: request.tools.map((tool) => ({
          name: tool.function.name,
          ...(tool.function.description !== undefined
            ? { description: tool.function.description }
            : {}),
          parameters: toGeminiSchema(tool.function.parameters),
        })),
      },
    ];
    if (request.toolChoice !== undefined) body.toolConfig = toolConfig(request.toolChoice);
  }
  Object.assign(body, request.extraBody);
  const version = context.config.apiVersion ?? 'v1beta';
  const method = stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
  return {
    path: `/${version}/models/${encodeURIComponent(modelId(request.model))}:${method}`,
    body,
  };
}
