import {
  type Simulator,
  startAnthropicSimulator,
  startGeminiSimulator,
  startLMStudioSimulator,
  startOllamaSimulator,
  startOpenAISimulator,
} from '@thinkbackcode/testing';
import type { ProviderConfig } from '../src/index.js';

/** One provider kind as the cross-provider suite drives it. */
export interface ProviderKind {
  label: string;
  start(): Promise<Simulator>;
  config(simulator: Simulator, apiKey?: string): ProviderConfig;
  model: string;
  /** Registry id the config registers under. */
  id: string;
  /** The vendor returns reasoning text (not only reasoning token counts). */
  reasoningText: boolean;
  /** The kind supports tool calls in this setup. */
  tools: boolean;
}

const ollamaMapping = {
  chatPath: '/api/chat',
  requestTemplate: {
    model: '{{model}}',
    messages: '{{messages}}',
    stream: '{{stream}}',
    options: { temperature: '{{temperature}}' },
  },
  response: {
    id: 'created_at',
    text: 'message.content',
    model: 'model',
    finishReason: 'done_reason',
    promptTokens: 'prompt_eval_count',
    completionTokens: 'eval_count',
  },
  stream: {
    format: 'ndjson' as const,
    delta: 'message.content',
    done: 'done',
    finishReason: 'done_reason',
    promptTokens: 'prompt_eval_count',
    completionTokens: 'eval_count',
  },
  errorMessage: 'error',
};

export const PROVIDER_KINDS: ProviderKind[] = [
  {
    label: 'openai',
    start: () => startOpenAISimulator(),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'openai',
      apiKey,
      baseUrl: simulator.baseUrl,
    }),
    model: 'gpt-4.1-mini',
    id: 'openai',
    reasoningText: false,
    tools: true,
  },
  {
    label: 'anthropic',
    start: () => startAnthropicSimulator(),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'anthropic',
      apiKey,
      baseUrl: simulator.baseUrl,
    }),
    model: 'claude-haiku-4-5',
    id: 'anthropic',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'google',
    start: () => startGeminiSimulator(),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'google',
      apiKey,
      baseUrl: simulator.baseUrl,
    }),
    model: 'gemini-2.5-flash',
    id: 'google',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'ollama',
    start: () => startOllamaSimulator({ apiKey: 'test-key' }),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'ollama',
      apiKey,
      baseUrl: simulator.baseUrl,
      numCtx: 8192,
    }),
    model: 'llama3.1:8b',
    id: 'ollama',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'lmstudio',
    start: () => startLMStudioSimulator({ apiKey: 'test-key', requireApiKey: true }),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'lmstudio',
      apiKey,
      baseUrl: simulator.baseUrl,
    }),
    model: 'qwen3-8b',
    id: 'lmstudio',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'custom (openai format)',
    start: () => startOpenAISimulator({ reasoningField: 'reasoning', modelRules: false }),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'custom',
      name: 'router',
      requestFormat: 'openai',
      baseUrl: simulator.baseUrl,
      apiKey,
      headers: { 'x-title': 'ThinkBackCode' },
    }),
    model: 'gpt-4.1-mini',
    id: 'router',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'custom (anthropic format)',
    start: () => startAnthropicSimulator(),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'custom',
      name: 'claude-proxy',
      requestFormat: 'anthropic',
      baseUrl: simulator.baseUrl,
      apiKey,
    }),
    model: 'claude-haiku-4-5',
    id: 'claude-proxy',
    reasoningText: true,
    tools: true,
  },
  {
    label: 'custom (declarative mapping)',
    start: () => startOllamaSimulator({ apiKey: 'test-key' }),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'custom',
      name: 'mapped',
      requestFormat: 'custom',
      baseUrl: simulator.baseUrl,
      apiKey,
      mapping: ollamaMapping,
    }),
    model: 'llama3.1:8b',
    id: 'mapped',
    reasoningText: false,
    tools: false,
  },
  {
    label: 'thinkbackcode',
    start: () => startOpenAISimulator({ apiKey: 'tbc_test_gateway_key_0001' }),
    config: (simulator, apiKey = simulator.apiKey) => ({
      provider: 'thinkbackcode',
      apiKey,
      baseUrl: simulator.baseUrl,
    }),
    model: 'openai/gpt-4.1-mini',
    id: 'thinkbackcode',
    reasoningText: false,
    tools: true,
  },
];
