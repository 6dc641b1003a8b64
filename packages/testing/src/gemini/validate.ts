import { type GeminiErrorAnswer, invalidArgument } from './errors.js';
import { requiresThoughtSignatures, supportsThinking } from './models.js';
import { checkFunctionCallSignature } from './signature.js';
import { unknownField, validateSchema } from './validate-schema.js';

/** What the simulator needs from a valid request. */
export interface ValidRequest {
  /** The request's text, for a usage estimate. */
  promptText: string;
  /** `generationConfig.thinkingConfig.includeThoughts`. */
  includeThoughts: boolean;
}

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const topLevelFields = new Set([
  'contents',
  'tools',
  'toolConfig',
  'safetySettings',
  'systemInstruction',
  'generationConfig',
  'cachedContent',
  'labels',
]);

const generationConfigFields = new Set([
  'stopSequences',
  'responseMimeType',
  'responseSchema',
  'responseJsonSchema',
  'responseModalities',
  'candidateCount',
  'maxOutputTokens',
  'temperature',
  'topP',
  'topK',
  'seed',
  'presencePenalty',
  'frequencyPenalty',
  'responseLogprobs',
  'logprobs',
  'enableEnhancedCivicAnswers',
  'speechConfig',
  'thinkingConfig',
  'mediaResolution',
  'imageConfig',
]);

const partFields = new Set([
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'thought',
  'thoughtSignature',
  'executableCode',
  'codeExecutionResult',
  'videoMetadata',
  'partMetadata',
]);

const dataFields = [
  'text',
  'inlineData',
  'fileData',
  'functionCall',
  'functionResponse',
  'executableCode',
  'codeExecutionResult',
];

const functionNamePattern = /^[a-zA-Z_][a-zA-Z0-9_.:-]{0,63}$/;

const missingSignature = (name: string, position: number) =>
  `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${position}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`;

function validatePart(part: unknown, at: string, texts: string[]): string | undefined {
  if (!isObject(part)) return `Invalid JSON payload received. Expected an object at '${at}'.`;
  for (const key of Object.keys(part)) if (!partFields.has(key)) return unknownField(key, at);
  const data = dataFields.filter((field) => part[field] !== undefined);
  if (data.length !== 1) {
    return data.length === 0
      ? `* GenerateContentRequest.${at}.data: required oneof field 'data' must have one initialized field\n`
      : `Invalid JSON payload received. Oneof field 'data' is already set. Cannot set '${data[1]}'`;
  }
  if (part.text !== undefined && typeof part.text !== 'string')
    return `Invalid value at '${at}.text' (TYPE_STRING)`;
  if (typeof part.text === 'string') texts.push(part.text);
  if (part.thoughtSignature !== undefined && typeof part.thoughtSignature !== 'string') {
    return `Invalid value at '${at}.thought_signature' (TYPE_BYTES)`;
  }
  if (part.inlineData !== undefined) {
    const inline = part.inlineData;
    if (!isObject(inline) || typeof inline.data !== 'string' || inline.data === '') {
      return `* GenerateContentRequest.${at}.inline_data.data: required field is not set\n`;
    }
    if (typeof inline.mimeType !== 'string' || inline.mimeType === '') {
      return `* GenerateContentRequest.${at}.inline_data.mime_type: required field is not set\n`;
    }
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(inline.data)) {
      return `Invalid value at '${at}.inline_data.data' (TYPE_BYTES), Base64 decoding failed for "${inline.data.slice(0, 20)}"`;
    }
  }
  if (part.fileData !== undefined) {
    const file = part.fileData;
    if (!isObject(file) || typeof file.fileUri !== 'string' || file.fileUri === '') {
      return `* GenerateContentRequest.${at}.file_data.file_uri: required field is not set\n`;
    }
    if (typeof file.mimeType !== 'string' || file.mimeType === '') {
      return `* GenerateContentRequest.${at}.file_data.mime_type: required field is not set\n`;
    }
  }
  if (part.functionCall !== undefined) {
    const call = part.functionCall;
    if (!isObject(call) || typeof call.name !== 'string' || call.name === '') {
      return `* GenerateContentRequest.${at}.function_call.name: Name cannot be empty.\n`;
    }
    if (call.args !== undefined && !isObject(call.args)) {
      return `Invalid JSON payload received. Unknown name "args" at '${at}.function_call': Proto field is not repeating, cannot start list.`;
    }
  }
  if (part.functionResponse !== undefined) {
    const result = part.functionResponse;
    if (!isObject(result) || typeof result.name !== 'string' || result.name === '') {
      return `* GenerateContentRequest.${at}.function_response.name: Name cannot be empty.\n`;
    }
    if (!isObject(result.response)) {
      return `Invalid JSON payload received. Expected an object at '${at}.function_response.response'.`;
    }
  }
  return undefined;
}

const callsOf = (content: Body): Body[] =>
  (content.parts as Body[]).filter((part) => isObject(part.functionCall));
const responsesOf = (content: Body): Body[] =>
  (content.parts as Body[]).filter((part) => isObject(part.functionResponse));
const nameOf = (part: Body, field: 'functionCall' | 'functionResponse') =>
  String((part[field] as Body).name);

/** The function-call / function-response pairing rules of the real API. */
function validateTurns(contents: Body[]): string | undefined {
  for (const [index, content] of contents.entries()) {
    const calls = content.role === 'model' ? callsOf(content) : [];
    const responses = content.role === 'model' ? [] : responsesOf(content);
    if (calls.length > 0) {
      const previous = contents[index - 1];
      if (previous === undefined || previous.role === 'model') {
        return 'Please ensure that function call turn comes immediately after a user turn or after a function response turn.';
      }
      const next = contents[index + 1];
      if (next !== undefined) {
        const answers = next.role === 'model' ? [] : responsesOf(next);
        if (answers.length !== calls.length) {
          return 'Please ensure that the number of function response parts is equal to the number of function call parts of the function call turn.';
        }
        const expected = calls.map((part) => nameOf(part, 'functionCall')).sort();
        const given = answers.map((part) => nameOf(part, 'functionResponse')).sort();
        if (expected.some((name, position) => name !== given[position])) {
          return 'Please ensure that the names of the function response parts match the names of the function call parts of the function call turn.';
        }
      }
    }
    if (responses.length > 0) {
      const previous = contents[index - 1];
      if (previous === undefined || previous.role !== 'model' || callsOf(previous).length === 0) {
        return 'Please ensure that function response turn comes immediately after a function call turn.';
      }
    }
  }
  return undefined;
}

/**
 * Gemini 3 rule: in the current turn (after the last user text), the first functionCall part of
 * each model turn must carry the thought signature it was issued with (or a documented bypass).
 */
function validateSignatures(
  contents: Body[],
  scripted: ReadonlyMap<string, string>,
): string | undefined {
  let start = 0;
  for (const [index, content] of contents.entries()) {
    if (
      content.role !== 'model' &&
      (content.parts as Body[]).some((part) => typeof part.text === 'string')
    ) {
      start = index;
    }
  }
  for (let index = start; index < contents.length; index++) {
    const content = contents[index]!;
    if (content.role !== 'model') continue;
    const first = callsOf(content)[0];
    if (first === undefined) continue;
    const call = first.functionCall as Body;
    const signature = first.thoughtSignature;
    if (typeof signature !== 'string' || signature === '')
      return missingSignature(String(call.name), index + 1);
    if (
      checkFunctionCallSignature(signature, String(call.name), call.args ?? {}, scripted) ===
      'corrupted'
    ) {
      return 'Corrupted thought signature.';
    }
  }
  return undefined;
}

function validateTools(tools: unknown): string | undefined {
  if (!Array.isArray(tools)) return `Invalid JSON payload received. Expected a list at 'tools'.`;
  for (const [toolIndex, tool] of tools.entries()) {
    if (!isObject(tool))
      return `Invalid JSON payload received. Expected an object at 'tools[${toolIndex}]'.`;
    const declarations = tool.functionDeclarations;
    if (declarations === undefined) continue;
    if (!Array.isArray(declarations))
      return `Invalid JSON payload received. Expected a list at 'tools[${toolIndex}].function_declarations'.`;
    for (const [index, declaration] of declarations.entries()) {
      const at = `tools[${toolIndex}].function_declarations[${index}]`;
      if (!isObject(declaration))
        return `Invalid JSON payload received. Expected an object at '${at}'.`;
      for (const key of Object.keys(declaration)) {
        if (
          ![
            'name',
            'description',
            'parameters',
            'parametersJsonSchema',
            'response',
            'responseJsonSchema',
            'behavior',
          ].includes(key)
        ) {
          return unknownField(key, at);
        }
      }
      if (typeof declaration.name !== 'string' || !functionNamePattern.test(declaration.name)) {
        return `* GenerateContentRequest.${at}.name: Invalid function name. Must start with a letter or an underscore. Must be a-z, A-Z, 0-9, or contain underscores, dots, colons and dashes, with a maximum length of 64.\n`;
      }
      if (declaration.parameters !== undefined) {
        const problem = validateSchema(declaration.parameters, `${at}.parameters`);
        if (problem !== undefined) return problem;
      }
    }
  }
  return undefined;
}

function validateGenerationConfig(config: unknown, model: string): string | undefined {
  if (config === undefined) return undefined;
  if (!isObject(config))
    return `Invalid JSON payload received. Expected an object at 'generation_config'.`;
  for (const key of Object.keys(config)) {
    if (!generationConfigFields.has(key)) return unknownField(key, 'generation_config');
  }
  const thinking = config.thinkingConfig;
  if (thinking === undefined) return undefined;
  if (!isObject(thinking))
    return `Invalid JSON payload received. Expected an object at 'generation_config.thinking_config'.`;
  for (const key of Object.keys(thinking)) {
    if (!['includeThoughts', 'thinkingBudget', 'thinkingLevel'].includes(key)) {
      return unknownField(key, 'generation_config.thinking_config');
    }
  }
  if (!supportsThinking(model)) return 'Thinking is not supported for this model.';
  const budget = thinking.thinkingBudget;
  if (
    budget !== undefined &&
    (typeof budget !== 'number' || !Number.isInteger(budget) || budget < -1)
  ) {
    return `Invalid value at 'generation_config.thinking_config.thinking_budget' (TYPE_INT32), ${JSON.stringify(budget)}`;
  }
  if (model.startsWith('gemini-2.5-pro') && budget === 0) {
    return 'Budget 0 is invalid. This model only works in thinking mode.';
  }
  return undefined;
}

/**
 * Validates a `generateContent` body about as strictly as the real API: unknown fields, part
 * shapes, roles, function-call pairing, tool schemas, thinking settings and (Gemini 3) thought
 * signatures. Returns the real 400 answer for the first problem.
 */
export function validateGenerateRequest(
  body: unknown,
  model: string,
  scripted: ReadonlyMap<string, string>,
): GeminiErrorAnswer | ValidRequest {
  if (!isObject(body)) return invalidArgument('Invalid JSON payload received. Unexpected token.');
  for (const key of Object.keys(body))
    if (!topLevelFields.has(key))
      return invalidArgument(unknownField(key, '').replace(" at ''", ''));
  const contents = body.contents;
  if (!Array.isArray(contents) || contents.length === 0) {
    return invalidArgument('* GenerateContentRequest.contents: contents is not specified\n');
  }
  const texts: string[] = [];
  for (const [index, content] of contents.entries()) {
    if (!isObject(content))
      return invalidArgument(
        `Invalid JSON payload received. Expected an object at 'contents[${index}]'.`,
      );
    for (const key of Object.keys(content)) {
      if (key !== 'role' && key !== 'parts')
        return invalidArgument(unknownField(key, `contents[${index}]`));
    }
    if (content.role !== undefined && content.role !== 'user' && content.role !== 'model') {
      return invalidArgument('Please use a valid role: user, model.');
    }
    if (!Array.isArray(content.parts) || content.parts.length === 0) {
      return invalidArgument(
        `* GenerateContentRequest.contents[${index}].parts: contents.parts must not be empty.\n`,
      );
    }
    for (const [partIndex, part] of content.parts.entries()) {
      const problem = validatePart(part, `contents[${index}].parts[${partIndex}]`, texts);
      if (problem !== undefined) return invalidArgument(problem);
    }
  }
  const system = body.systemInstruction;
  if (system !== undefined) {
    if (!isObject(system) || !Array.isArray(system.parts) || system.parts.length === 0) {
      return invalidArgument(
        '* GenerateContentRequest.system_instruction.parts: contents.parts must not be empty.\n',
      );
    }
    for (const [partIndex, part] of system.parts.entries()) {
      const problem = validatePart(part, `system_instruction.parts[${partIndex}]`, texts);
      if (problem !== undefined) return invalidArgument(problem);
    }
  }
  const problem =
    (body.tools === undefined ? undefined : validateTools(body.tools)) ??
    validateGenerationConfig(body.generationConfig, model) ??
    validateTurns(contents as Body[]) ??
    (requiresThoughtSignatures(model)
      ? validateSignatures(contents as Body[], scripted)
      : undefined);
  if (problem !== undefined) return invalidArgument(problem);
  const generationConfig = isObject(body.generationConfig) ? body.generationConfig : {};
  const thinking = isObject(generationConfig.thinkingConfig) ? generationConfig.thinkingConfig : {};
  return { promptText: texts.join('\n'), includeThoughts: thinking.includeThoughts === true };
}
