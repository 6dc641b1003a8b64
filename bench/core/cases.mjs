// One case per provider kind: the config the registry gets (with a replaying `fetch`), the request,
// and the vendor body that answers it.

import {
  anthropicStream,
  customMapping,
  customStream,
  geminiStream,
  ollamaStream,
} from './wire-native.mjs';
import { lmstudioStream, openaiStream, thinkbackcodeStream } from './wire-openai.mjs';

const tools = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'Weather forecast for a place',
      parameters: {
        type: 'object',
        properties: {
          location: { type: 'string' },
          unit: { type: 'string', enum: ['celsius', 'fahrenheit'] },
          days: { type: 'integer' },
          include: { type: 'array', items: { type: 'string' } },
          note: { type: 'string' },
        },
        required: ['location'],
      },
    },
  },
];

const request = (model) => ({
  model,
  messages: [
    { role: 'system', content: 'You are a careful assistant.' },
    { role: 'user', content: 'Think it through, answer at length, then check the weather.' },
  ],
  tools,
  maxTokens: 64_000,
});

/**
 * `kind` is the `provider` of the config; `definition` is the adapter definition the registry's
 * factory uses for it (to time the vendor's stream transformer alone); `reasoning` says whether the vendor streams reasoning
 * text in this wire format (OpenAI's Chat Completions does not; the declarative mapping has no
 * reasoning path).
 */
export const CASES = [
  {
    kind: 'openai',
    definition: (core) => core.openaiDefinition,
    encode: openaiStream,
    contentType: 'text/event-stream',
    reasoning: false,
    config: { provider: 'openai', apiKey: 'sk-bench-000000000000000000000000' },
    request: request('gpt-4.1-nano'),
  },
  {
    kind: 'anthropic',
    definition: (core) => core.anthropicDefinition,
    encode: anthropicStream,
    contentType: 'text/event-stream',
    reasoning: true,
    config: { provider: 'anthropic', apiKey: 'sk-ant-bench-0000000000000000000000' },
    request: request('claude-haiku-4-5'),
  },
  {
    kind: 'google',
    definition: (core) => core.googleDefinition,
    encode: geminiStream,
    contentType: 'text/event-stream',
    reasoning: true,
    config: { provider: 'google', apiKey: 'AIzaBench000000000000000000000000000000' },
    request: request('gemini-3-flash-preview'),
  },
  {
    kind: 'ollama',
    definition: (core) => core.ollamaDefinition,
    encode: ollamaStream,
    contentType: 'application/x-ndjson',
    reasoning: true,
    config: { provider: 'ollama' },
    request: request('qwen3:8b'),
  },
  {
    kind: 'lmstudio',
    definition: (core) => core.lmstudioDefinition,
    encode: lmstudioStream,
    contentType: 'text/event-stream',
    reasoning: true,
    config: { provider: 'lmstudio' },
    request: request('qwen/qwen3-8b'),
  },
  {
    kind: 'custom',
    definition: (core, config) => core.createCustomDefinition(config),
    encode: customStream,
    contentType: 'application/x-ndjson',
    reasoning: false,
    config: {
      provider: 'custom',
      name: 'oddity',
      requestFormat: 'custom',
      baseUrl: 'http://127.0.0.1:9/v1',
      mapping: customMapping,
    },
    request: request('odd-1'),
  },
  {
    kind: 'thinkbackcode',
    definition: (core) => core.thinkbackcodeDefinition,
    encode: thinkbackcodeStream,
    contentType: 'text/event-stream',
    reasoning: true,
    config: { provider: 'thinkbackcode', apiKey: 'tbc_bench_000000000000000000000000' },
    request: request('anthropic/claude-haiku-4-5'),
  },
];
