import { type Simulator, startOpenAISimulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APIErrorType } from '../../errors/index.js';
import type { CustomConfig } from '../../spec/index.js';
import { accumulateChatStream } from '../../stream/accumulate.js';
import { createCustomOpenAIProvider } from './custom.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startOpenAISimulator({
    apiKey: 'router-key',
    reasoningField: 'reasoning',
    modelRules: false,
  });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.reset());

const config = (extra: Partial<CustomConfig> = {}): CustomConfig => ({
  provider: 'custom',
  name: 'router',
  requestFormat: 'openai',
  baseUrl: simulator.baseUrl,
  apiKey: 'router-key',
  ...extra,
});
const request = {
  model: 'deepseek/deepseek-r1',
  messages: [{ role: 'user' as const, content: 'q' }],
};

describe('custom OpenAI-compatible provider', () => {
  it('reads OpenRouter-style `reasoning` and registers under its name', async () => {
    const provider = createCustomOpenAIProvider(config({ models: ['deepseek/deepseek-r1'] }));
    expect(provider.name).toBe('router');
    const turn = {
      reasoning: 'hmm',
      text: 'a',
      id: 'chatcmpl-r',
      usage: { inputTokens: 4, outputTokens: 1, reasoningTokens: 1 },
    };
    simulator.enqueue(turn, turn);
    const plain = await provider.createChatCompletion(request);
    expect(plain.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'a',
      reasoning: 'hmm',
    });
    expect(await accumulateChatStream(provider.createChatCompletionStream(request))).toEqual(plain);
    expect(await provider.getModel('deepseek/deepseek-r1')).toMatchObject({
      id: 'deepseek/deepseek-r1',
      provider: 'router',
    });
  });

  it('sends the bare key in a custom auth header', async () => {
    const provider = createCustomOpenAIProvider(config({ authHeader: 'api-key' }));
    simulator.enqueue({ text: 'x' });
    const failure = await provider.createChatCompletion(request).catch((error: unknown) => error);
    expect(simulator.requests[0]?.headers['api-key']).toBe('router-key');
    expect(simulator.requests[0]?.headers.authorization).toBeUndefined();
    // The simulator is OpenAI: it wants Bearer, so this is its real 401.
    expect(failure).toMatchObject({ type: APIErrorType.AUTH_FAILED, status: 401 });
  });
});
