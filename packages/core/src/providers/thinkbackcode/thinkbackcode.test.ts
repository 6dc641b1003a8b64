import { type Simulator, startOpenAISimulator } from '@thinkbackcode/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIErrorType } from '../../errors/index.js';
import {
  createThinkBackCodeProvider,
  thinkbackcodeCatalog,
  thinkbackcodeDefinition,
} from './index.js';

const KEY = 'tbc_gatewayKey0123456789';
let simulator: Simulator;
beforeAll(async () => {
  simulator = await startOpenAISimulator({
    apiKey: KEY,
    modelRules: false,
    models: ['openai/gpt-4.1-mini', 'anthropic/claude-sonnet-4-5', 'google/gemini-2.5-flash'],
  });
});
afterAll(() => simulator.close());

describe('ThinkBackCode gateway adapter', () => {
  it('talks OpenAI-compatible /v1 with the tbc_ key as Bearer', async () => {
    const provider = createThinkBackCodeProvider({
      provider: 'thinkbackcode',
      apiKey: KEY,
      baseUrl: simulator.baseUrl,
    });
    simulator.enqueue({ text: 'Hi from the gateway.' });
    const response = await provider.createChatCompletion({
      model: 'anthropic/claude-sonnet-4-5',
      messages: [{ role: 'user', content: 'hi' }],
      maxTokens: 20,
    });
    expect(response.choices[0]?.message.content).toBe('Hi from the gateway.');
    expect(response.model).toBe('anthropic/claude-sonnet-4-5');
    expect(simulator.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(simulator.requests.at(-1)?.body).toMatchObject({ max_completion_tokens: 20 });
    const models = await provider.listModels();
    expect(models.find((model) => model.id === 'google/gemini-2.5-flash')).toMatchObject({
      inCatalog: true,
      provider: 'thinkbackcode',
    });
  });

  it('defaults to the local gateway and requires a tbc_ key', () => {
    expect(thinkbackcodeDefinition.defaultBaseUrl).toBe('http://127.0.0.1:8787/v1');
    expect(thinkbackcodeCatalog.every((model) => model.id.includes('/'))).toBe(true);
    expect(() => createThinkBackCodeProvider({ provider: 'thinkbackcode', apiKey: '' })).toThrow(
      expect.objectContaining({ type: APIErrorType.AUTH_FAILED, code: 'missing_api_key' }),
    );
    const failure = (() => {
      try {
        createThinkBackCodeProvider({
          provider: 'thinkbackcode',
          apiKey: 'sk-notAGatewayKey123456',
        });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(failure).toMatchObject({
      type: APIErrorType.AUTH_FAILED,
      code: 'invalid_api_key_format',
    });
    expect(failure?.message).not.toContain('notAGatewayKey');
  });
});
