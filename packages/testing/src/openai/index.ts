import { type Simulator, type SimulatorOptions, startSimulatorServer } from '../harness.js';
import type { ReasoningField } from './common.js';
import { createHandler } from './handler.js';
import { DEFAULT_MODELS, type ModelListShape } from './models.js';

export type { ReasoningField } from './common.js';
export type { ModelListShape } from './models.js';

/** Options of the OpenAI Chat Completions simulator. */
export interface OpenAISimulatorOptions extends SimulatorOptions {
  /**
   * Send scripted reasoning text in this message/delta field, as OpenAI-compatible servers do
   * (LM Studio, vLLM, DeepSeek: `reasoning_content`; OpenRouter: `reasoning`). Default: none,
   * like OpenAI itself, which reports only `completion_tokens_details.reasoning_tokens`.
   */
  reasoningField?: ReasoningField;
  /** Whether a key is required (default true). When false, requests without `Authorization` pass. */
  requireApiKey?: boolean;
  /** Apply OpenAI's per-model parameter rules, e.g. reasoning models reject `max_tokens` (default true). */
  modelRules?: boolean;
  /** Ids `GET /v1/models` lists (default: OpenAI's chat models plus an embedding model). */
  models?: readonly string[];
  /** Shape of the model list (default `openai`). */
  modelListShape?: ModelListShape;
}

/**
 * Starts a loopback simulator of OpenAI's Chat Completions API under `/v1`:
 * `POST /v1/chat/completions` (JSON and SSE) and `GET /v1/models`, with `Authorization: Bearer`.
 */
export function startOpenAISimulator(options: OpenAISimulatorOptions = {}): Promise<Simulator> {
  const handler = createHandler({
    apiKey: options.apiKey ?? 'test-key',
    requireApiKey: options.requireApiKey ?? true,
    reasoningField: options.reasoningField,
    modelRules: options.modelRules ?? true,
    models: options.models ?? DEFAULT_MODELS,
    modelListShape: options.modelListShape ?? 'openai',
  });
  return startSimulatorServer(options, '/v1', handler);
}

/**
 * Starts the simulator configured like LM Studio's OpenAI-compatible server: no key needed,
 * `reasoning_content` in messages and deltas, LM Studio's model-list shape, no OpenAI model rules.
 */
export function startLMStudioSimulator(options: OpenAISimulatorOptions = {}): Promise<Simulator> {
  return startOpenAISimulator({
    requireApiKey: false,
    reasoningField: 'reasoning_content',
    modelRules: false,
    modelListShape: 'lmstudio',
    models: ['openai/gpt-oss-20b', 'qwen/qwen3-8b', 'text-embedding-nomic-embed-text-v1.5'],
    ...options,
  });
}
