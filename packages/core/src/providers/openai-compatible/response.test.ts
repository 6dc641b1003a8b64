import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APIErrorType } from '../../errors/index.js';
import { toChatResponse } from './response.js';

const recordedBody = (name: string): unknown => {
  const exchange = JSON.parse(
    readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'),
  ) as {
    response: { body: string };
  };
  return JSON.parse(exchange.response.body);
};
const context = { provider: 'openai', turn: 1, model: 'gpt-4.1-nano' };

describe('toChatResponse', () => {
  it('maps the recorded text completion', () => {
    expect(toChatResponse(recordedBody('chat-completion.http.json'), context)).toEqual({
      id: 'chatcmpl-Cw7VFYxCPRl6sK5eNhLP9dQW3KwCS',
      model: 'gpt-4.1-nano-2025-04-14',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '2 + 2 equals 4.' },
          finishReason: 'stop',
        },
      ],
      usage: { promptTokens: 14, completionTokens: 8, totalTokens: 22 },
    });
  });

  it('maps the recorded parallel tool calls, keeping their ids', () => {
    const response = toChatResponse(
      recordedBody('chat-completion.parallel-tool-calls.http.json'),
      context,
    );
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        toolCalls: [
          {
            id: 'call_4vdw7IhqK4BaPeDpUqhAJrH4',
            type: 'function',
            function: {
              name: 'weather',
              arguments: '{"latitude": "52.5200", "longitude": "13.4050"}',
            },
          },
          {
            id: 'call_UZxiYeSq6gFg9tAHAdSmNHPQ',
            type: 'function',
            function: { name: 'best_language_to_learn', arguments: '{}' },
          },
        ],
      },
      finishReason: 'tool_calls',
    });
  });

  it('counts cached and reasoning tokens inside prompt and completion tokens', () => {
    const body = {
      id: 'r',
      model: 'o3-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hello' }, finish_reason: 'stop' },
      ],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 87,
        total_tokens: 1287,
        prompt_tokens_details: { cached_tokens: 1024 },
        completion_tokens_details: { reasoning_tokens: 64 },
      },
    };
    expect(toChatResponse(body, context).usage).toEqual({
      promptTokens: 1200,
      completionTokens: 87,
      totalTokens: 1287,
      cachedTokens: 1024,
      reasoningTokens: 64,
    });
  });

  it('reads reasoning_content, refusals and id-less tool calls of compatible servers', () => {
    const body = {
      choices: [
        {
          message: {
            content: '',
            reasoning_content: 'thinking',
            tool_calls: [{ type: 'function', function: { name: 'f', arguments: { a: 1 } } }],
          },
          finish_reason: 'tool_calls',
        },
      ],
    };
    const response = toChatResponse(body, context);
    expect(response.model).toBe('gpt-4.1-nano');
    expect(response.id).toMatch(/^chatcmpl-/);
    expect(response.choices[0]?.message).toEqual({
      role: 'assistant',
      content: null,
      reasoning: 'thinking',
      toolCalls: [
        {
          id: expect.stringMatching(/^call_/),
          type: 'function',
          function: { name: 'f', arguments: '{"a":1}' },
        },
      ],
    });
    const refusal = toChatResponse(
      {
        choices: [{ message: { content: null, refusal: 'I cannot help.' }, finish_reason: 'stop' }],
      },
      context,
    );
    expect(refusal.choices[0]?.message.content).toBe('I cannot help.');
  });

  it('throws a typed error for a body that is not a completion', () => {
    expect(() => toChatResponse({ object: 'list' }, context)).toThrow(
      expect.objectContaining({ type: APIErrorType.SERVER_ERROR }),
    );
  });
});
