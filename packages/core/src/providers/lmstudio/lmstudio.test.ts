import { type Simulator, startLMStudioSimulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createLMStudioProvider, lmstudioDefinition } from './index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startLMStudioSimulator();
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const request = {
  model: 'qwen/qwen3-8b',
  messages: [{ role: 'user' as const, content: 'why?' }],
  maxTokens: 100,
};

describe('LM Studio adapter', () => {
  it('needs no key, sends no Authorization without one, and uses max_tokens', async () => {
    const provider = createLMStudioProvider({ provider: 'lmstudio', baseUrl: simulator.baseUrl });
    simulator.enqueue({ text: 'Because.' });
    const response = await provider.createChatCompletion(request);
    expect(response.choices[0]?.message.content).toBe('Because.');
    expect(simulator.requests[0]?.headers.authorization).toBeUndefined();
    expect(simulator.requests[0]?.body).toMatchObject({ max_tokens: 100 });
    expect(lmstudioDefinition.defaultBaseUrl).toBe('http://localhost:1234/v1');
  });

  it('sends Bearer when a key is set', async () => {
    const provider = createLMStudioProvider({
      provider: 'lmstudio',
      baseUrl: simulator.baseUrl,
      apiKey: 'lm-key',
    });
    simulator.enqueue({ text: 'x' });
    await provider.createChatCompletion(request);
    expect(simulator.requests[0]?.headers.authorization).toBe('Bearer lm-key');
  });

  it('reads reasoning_content the same way streaming and not', async () => {
    const provider = createLMStudioProvider({ provider: 'lmstudio', baseUrl: simulator.baseUrl });
    const turn = {
      reasoning: 'The user asks why.',
      text: 'Because.',
      id: 'chatcmpl-lm',
      chunkSize: 5,
      usage: { inputTokens: 9, outputTokens: 2, reasoningTokens: 5 },
    };
    simulator.enqueue(turn, turn);
    const plain = await provider.createChatCompletion(request);
    const streamed = await accumulateChatStream(provider.createChatCompletionStream(request));
    expect(plain.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Because.',
      reasoning: 'The user asks why.',
    });
    expect(streamed).toEqual(plain);
    expect(plain.usage).toEqual({
      promptTokens: 9,
      completionTokens: 7,
      totalTokens: 16,
      reasoningTokens: 5,
    });
  });

  it('lists the loaded chat models without embeddings', async () => {
    const provider = createLMStudioProvider({ provider: 'lmstudio', baseUrl: simulator.baseUrl });
    const models = await provider.listModels();
    expect(models.map((model) => [model.id, model.inCatalog])).toEqual([
      ['openai/gpt-oss-20b', false],
      ['qwen/qwen3-8b', false],
    ]);
  });
});
