import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../adapter/definition.js';
import { APIError } from '../../errors/index.js';
import type { AnthropicConfig, ChatRequest } from '../../spec/index.js';
import { buildAnthropicRequest, thinkingBudget } from './request.js';

const context = (config: Partial<AnthropicConfig> = {}): CallContext<AnthropicConfig> => ({
  config: { provider: 'anthropic', apiKey: 'k', ...config },
  providerName: 'anthropic',
  request: { model: 'm', messages: [] },
  responseHeaders: new Headers(),
});
const body = (request: Partial<ChatRequest>, config?: Partial<AnthropicConfig>, stream = false) =>
  buildAnthropicRequest(
    { model: 'claude-3-5-haiku-latest', messages: [{ role: 'user', content: 'Hi' }], ...request },
    context(config),
    stream,
  ).body as Record<string, unknown>;
const clock = {
  type: 'function' as const,
  function: { name: 'clock', parameters: { type: 'object' } },
};

describe('buildAnthropicRequest', () => {
  it('requires max_tokens: the catalog output limit by default, 4096 for unknown models', () => {
    expect(body({}).max_tokens).toBe(8192);
    expect(body({ model: 'claude-future-9' }).max_tokens).toBe(4096);
    expect(body({ maxTokens: 77 }).max_tokens).toBe(77);
  });

  it('maps effort to a thinking budget and keeps max_tokens above it', () => {
    expect(
      [undefined, 'low', 'medium', 'high'].map((effort) =>
        thinkingBudget(effort ? { effort: effort as 'low' } : {}),
      ),
    ).toEqual([4096, 1024, 4096, 16_384]);
    expect(thinkingBudget({ budgetTokens: 10 })).toBe(1024);
    expect(thinkingBudget(undefined)).toBeUndefined();
    expect(body({ reasoning: { effort: 'high' }, maxTokens: 1000 })).toMatchObject({
      thinking: { type: 'enabled', budget_tokens: 16_384 },
      max_tokens: 17_384,
    });
  });

  it('leaves temperature out with thinking, and all sampling out from API version 2026-10-21', () => {
    expect(body({ reasoning: { effort: 'low' }, temperature: 0.2, topP: 0.5 })).not.toHaveProperty(
      'temperature',
    );
    expect(body({ reasoning: { effort: 'low' }, topP: 0.5 })).not.toHaveProperty('top_p');
    expect(body({ temperature: 1.7, topP: 0.5 })).toMatchObject({ temperature: 1, top_p: 0.5 });
    const recent = body({ temperature: 0.2, topP: 0.5 }, { anthropicVersion: '2026-10-21' });
    expect(recent).not.toHaveProperty('temperature');
    expect(recent).not.toHaveProperty('top_p');
  });

  it('lifts system messages, merges same-role turns and turns data URLs into base64 images', () => {
    const wire = body({
      messages: [
        { role: 'system', content: 'Rule one.' },
        { role: 'user', content: 'First' },
        { role: 'system', content: 'Rule two.' },
        {
          role: 'user',
          content: [{ type: 'image', source: { type: 'url', url: 'data:image/png;base64,AAAA' } }],
        },
      ],
    });
    expect(wire.system).toBe('Rule one.\n\nRule two.');
    expect(wire.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'First' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: 'AAAA' } },
        ],
      },
    ]);
  });

  it('maps tool choice and parallel tool use', () => {
    expect(body({ tools: [clock], toolChoice: 'required' }).tool_choice).toEqual({ type: 'any' });
    expect(body({ tools: [clock], toolChoice: 'none' }).tool_choice).toEqual({ type: 'none' });
    expect(
      body({ tools: [clock], toolChoice: { type: 'function', function: { name: 'clock' } } })
        .tool_choice,
    ).toEqual({ type: 'tool', name: 'clock' });
    expect(body({ tools: [clock], parallelToolCalls: false }).tool_choice).toEqual({
      type: 'auto',
      disable_parallel_tool_use: true,
    });
    expect(body({ toolChoice: 'required' })).not.toHaveProperty('tool_choice');
  });

  it('replays only Anthropic reasoning, thinking before text and calls', () => {
    const wire = body({
      tools: [clock],
      messages: [
        { role: 'user', content: 'Hi' },
        {
          role: 'assistant',
          content: 'Checking.',
          reasoningDetails: [
            { type: 'text', text: 'mine', signature: 's1', source: 'anthropic' },
            { type: 'redacted', data: 'opaque', source: 'anthropic' },
            { type: 'text', text: 'unsigned', source: 'anthropic' },
            { type: 'text', text: 'theirs', signature: 'x', source: 'openai' },
          ],
        },
      ],
    });
    expect((wire.messages as Array<{ content: unknown }>)[1]!.content).toEqual([
      { type: 'thinking', thinking: 'mine', signature: 's1' },
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'text', text: 'Checking.' },
    ]);
  });

  it('refuses input the API cannot take with typed errors', () => {
    const attempt = (request: Partial<ChatRequest>) => {
      try {
        body(request);
      } catch (error) {
        return APIError.isInstance(error) ? error.code : 'not an APIError';
      }
      return 'no error';
    };
    expect(attempt({ messages: [{ role: 'user', content: '' }] })).toBe('empty_message');
    expect(
      attempt({
        messages: [
          { role: 'user', content: 'a' },
          { role: 'tool', content: 'x' },
        ],
      }),
    ).toBe('missing_tool_call_id');
    expect(
      attempt({
        messages: [
          { role: 'user', content: 'a' },
          {
            role: 'assistant',
            content: null,
            toolCalls: [
              { id: 'c', type: 'function', function: { name: 'clock', arguments: '[1]' } },
            ],
          },
        ],
      }),
    ).toBe('invalid_tool_arguments');
  });

  it('passes extraBody through and marks the stream', () => {
    expect(body({ extraBody: { service_tier: 'auto' } }, undefined, true)).toMatchObject({
      service_tier: 'auto',
      stream: true,
    });
  });
});
