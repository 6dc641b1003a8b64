/** One entry of Gemini's `GET /v1beta/models`, in the recorded key order. */
export interface GeminiWireModel {
  name: string;
  version: string;
  displayName: string;
  description?: string;
  inputTokenLimit: number;
  outputTokenLimit: number;
  supportedGenerationMethods: string[];
  temperature?: number;
  topP?: number;
  topK?: number;
  maxTemperature?: number;
  thinking?: boolean;
}

const chatMethods = [
  'generateContent',
  'countTokens',
  'createCachedContent',
  'batchGenerateContent',
];

const chatModel = (
  id: string,
  version: string,
  displayName: string,
  description: string,
  outputTokenLimit: number,
  thinking: boolean,
): GeminiWireModel => ({
  name: `models/${id}`,
  version,
  displayName,
  description,
  inputTokenLimit: 1_048_576,
  outputTokenLimit,
  supportedGenerationMethods: [...chatMethods],
  temperature: 1,
  topP: 0.95,
  topK: thinking ? 64 : 40,
  maxTemperature: 2,
  ...(thinking ? { thinking: true } : {}),
});

/**
 * The models the simulator knows, taken from the recorded `models.list` (2026-02): the chat
 * models ThinkBackCode catalogues plus one that does not support `generateContent`, so that
 * adapters are seen to filter it out.
 */
export const GEMINI_MODELS: readonly GeminiWireModel[] = [
  chatModel(
    'gemini-2.5-flash',
    '001',
    'Gemini 2.5 Flash',
    'Stable version of Gemini 2.5 Flash, our mid-size multimodal model that supports up to 1 million tokens, released in June of 2025.',
    65_536,
    true,
  ),
  chatModel(
    'gemini-2.5-pro',
    '2.5',
    'Gemini 2.5 Pro',
    'Stable release (June 17th, 2025) of Gemini 2.5 Pro',
    65_536,
    true,
  ),
  chatModel('gemini-2.0-flash', '2.0', 'Gemini 2.0 Flash', 'Gemini 2.0 Flash', 8192, false),
  chatModel(
    'gemini-2.0-flash-lite',
    '2.0',
    'Gemini 2.0 Flash-Lite',
    'Gemini 2.0 Flash-Lite',
    8192,
    false,
  ),
  chatModel(
    'gemini-2.5-flash-lite',
    '001',
    'Gemini 2.5 Flash-Lite',
    'Stable version of Gemini 2.5 Flash-Lite, released in July of 2025',
    65_536,
    true,
  ),
  chatModel(
    'gemini-3-pro-preview',
    '3-pro-preview-11-2025',
    'Gemini 3 Pro Preview',
    'Gemini 3 Pro Preview',
    65_536,
    true,
  ),
  chatModel(
    'gemini-3-flash-preview',
    '3-flash-preview-12-2025',
    'Gemini 3 Flash Preview',
    'Gemini 3 Flash Preview',
    65_536,
    true,
  ),
  {
    name: 'models/gemini-embedding-001',
    version: '001',
    displayName: 'Gemini Embedding 001',
    description: 'Obtain a distributed representation of a text.',
    inputTokenLimit: 2048,
    outputTokenLimit: 1,
    supportedGenerationMethods: [
      'embedContent',
      'countTextTokens',
      'countTokens',
      'asyncBatchEmbedContent',
    ],
  },
];

/** The known model with this id (`gemini-2.5-flash` or `models/gemini-2.5-flash`), if any. */
export function findGeminiModel(id: string): GeminiWireModel | undefined {
  const name = id.startsWith('models/') ? id : `models/${id}`;
  return GEMINI_MODELS.find((model) => model.name === name);
}

/** True for models that validate thought signatures on replayed function calls (Gemini 3). */
export function requiresThoughtSignatures(model: string): boolean {
  return model.startsWith('gemini-3');
}

/** True when the model can think (accepts `thinkingConfig`). */
export function supportsThinking(model: string): boolean {
  return findGeminiModel(model)?.thinking === true;
}

/**
 * One page of `models.list`: `{ models, nextPageToken? }`. The page token is the index of the
 * next model as text (opaque to clients, as Google's is).
 */
export function listModelsPage(pageSize: number | undefined, pageToken: string | undefined) {
  const start = pageToken === undefined || pageToken === '' ? 0 : Number(pageToken);
  const size = pageSize === undefined || pageSize <= 0 ? 50 : Math.min(pageSize, 1000);
  const models = GEMINI_MODELS.slice(start, start + size);
  const next = start + size;
  return next < GEMINI_MODELS.length ? { models, nextPageToken: String(next) } : { models };
}
