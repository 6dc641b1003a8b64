/**
 * Gemini API (Generative Language, v1beta) wire types. Lenient on optional fields: the API adds
 * fields over time and omits zero counts.
 */

/** One part of a `Content`. Exactly one data field is set. */
export interface GeminiPart {
  text?: string;
  /** The part is a thought summary (with `thinkingConfig.includeThoughts`). */
  thought?: boolean;
  /** Opaque signature of the model's thinking, to be replayed on the same part. */
  thoughtSignature?: string;
  inlineData?: { mimeType: string; data: string };
  fileData?: { mimeType: string; fileUri: string };
  functionCall?: { name: string; args?: Record<string, unknown>; id?: string };
  functionResponse?: { name: string; response: Record<string, unknown>; id?: string };
}

/** A turn: role `user` or `model`. */
export interface GeminiContent {
  role: 'user' | 'model';
  parts: GeminiPart[];
}

/** OpenAPI 3.0 subset Gemini accepts for function parameters. */
export type GeminiSchema = { [key: string]: unknown };

/** A function the model may call. */
export interface GeminiFunctionDeclaration {
  name: string;
  description?: string;
  parameters?: GeminiSchema;
}

/** `generationConfig`. */
export interface GeminiGenerationConfig {
  temperature?: number;
  topP?: number;
  maxOutputTokens?: number;
  stopSequences?: string[];
  responseMimeType?: string;
  thinkingConfig?: { thinkingBudget?: number; includeThoughts?: boolean };
}

/** The body of `generateContent` / `streamGenerateContent`. */
export interface GeminiRequestBody {
  contents: GeminiContent[];
  systemInstruction?: { parts: GeminiPart[] };
  tools?: Array<{ functionDeclarations: GeminiFunctionDeclaration[] }>;
  toolConfig?: {
    functionCallingConfig: { mode: 'AUTO' | 'ANY' | 'NONE'; allowedFunctionNames?: string[] };
  };
  generationConfig: GeminiGenerationConfig;
  [extra: string]: unknown;
}

/** `usageMetadata`; every count may be absent (zero). */
export interface GeminiUsageMetadata {
  /** Every prompt token, cached ones included. */
  promptTokenCount?: number;
  candidatesTokenCount?: number;
  totalTokenCount?: number;
  cachedContentTokenCount?: number;
  thoughtsTokenCount?: number;
  toolUsePromptTokenCount?: number;
}

/** One candidate answer. */
export interface GeminiCandidate {
  content?: { parts?: GeminiPart[]; role?: string };
  finishReason?: string;
  finishMessage?: string;
  index?: number;
}

/** A `GenerateContentResponse` (the whole answer, or one stream chunk). */
export interface GeminiResponse {
  candidates?: GeminiCandidate[];
  promptFeedback?: { blockReason?: string };
  usageMetadata?: GeminiUsageMetadata;
  modelVersion?: string;
  responseId?: string;
}

/** `google.rpc.Status` error body, also sent as a stream event when a stream fails. */
export interface GeminiErrorBody {
  error: {
    code?: number;
    message?: string;
    status?: string;
    details?: Array<{ '@type'?: string; [key: string]: unknown }>;
  };
}

/** An entry of `GET /v1beta/models`. */
export interface GeminiModelEntry {
  name: string;
  displayName?: string;
  inputTokenLimit?: number;
  outputTokenLimit?: number;
  supportedGenerationMethods?: string[];
  thinking?: boolean;
}
