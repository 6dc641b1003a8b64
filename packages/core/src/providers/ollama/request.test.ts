import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../adapter/definition.js';
import type { ChatRequest, LocalConfig } from '../../spec/index.js';
import { buildOllamaRequest } from './request.js';

const build = (request: ChatRequest, config: Partial<LocalConfig> = {}, stream = false) =>
  buildOllamaRequest(
    request,
    {
      config: { provider: 'ollama', ...config },
      providerName: 'ollama',
      request,
      responseHeaders: new Headers(),
    } satisfies CallContext<LocalConfig>,
    stream,
  );

const tool = {
  type: 'function' as const,
  function: { name: 'lookup', parameters: { type: 'object', properties: {} } },
};

describe('buildOllamaRequest', () => {
  it('maps sampling settings into options and asks for JSON with format', () => {
    const wire = build({
      model: 'qwen3',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 64,
      stop: ['###'],
      responseFormat: { type: 'json_object' },
      reasoning: { effort: 'high' },
      extraBody: { seed: 7 },
    });
    expect(wire).toEqual({
      path: '/api/chat',
      body: {
        model: 'qwen3',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        stream: false,
        options: { temperature: 0.3, top_p: 0.9, num_predict: 64, stop: ['###'] },
        think: true,
        format: 'json',
        seed: 7,
      },
    });
  });

  it('sends no think, options or tools when none are asked for, and drops tools for toolChoice none', () => {
    const body = build(
      { model: 'm', messages: [{ role: 'user', content: 'x' }], tools: [tool], toolChoice: 'none' },
      {},
      true,
    ).body;
    expect(body).toEqual({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
  });

  it('replays only reasoning Ollama produced, as thinking', () => {
    const body = build({
      model: 'm',
      messages: [
        { role: 'user', content: 'a' },
        {
          role: 'assistant',
          content: 'b',
          reasoning: 'mine and theirs',
          reasoningDetails: [
            { type: 'text', text: 'mine', source: 'ollama' },
            { type: 'text', text: 'theirs', signature: 'sig', source: 'anthropic' },
            { type: 'redacted', data: 'xyz', source: 'anthropic' },
          ],
        },
        { role: 'assistant', content: 'c', reasoning: 'no detail' },
      ],
    }).body as { messages: unknown[] };
    expect(body.messages.slice(1)).toEqual([
      { role: 'assistant', content: 'b', thinking: 'mine' },
      { role: 'assistant', content: 'c' },
    ]);
  });

  it('turns tool calls into object arguments and names tool results', () => {
    const body = build({
      model: 'm',
      tools: [tool],
      messages: [
        { role: 'user', content: 'a' },
        {
          role: 'assistant',
          content: null,
          toolCalls: [
            { id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":1}' } },
            {
              id: 'call_2',
              type: 'function',
              function: { name: 'lookup', arguments: '{not json' },
              signature: 'gemini-signature',
              signatureSource: 'google',
            },
          ],
        },
        { role: 'tool', toolCallId: 'call_1', content: [{ type: 'text', text: 'one' }] },
        { role: 'tool', toolCallId: 'unknown', name: 'lookup', content: 'two' },
      ],
    }).body as { messages: unknown[] };
    expect(body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          { function: { name: 'lookup', arguments: { q: 1 } } },
          { function: { name: 'lookup', arguments: {} } },
        ],
      },
      { role: 'tool', content: 'one', tool_name: 'lookup' },
      { role: 'tool', content: 'two', tool_name: 'lookup' },
    ]);
  });

  it('refuses images outside user messages', () => {
    expect(() =>
      build({
        model: 'm',
        messages: [
          {
            role: 'system',
            content: [
              { type: 'image', source: { type: 'base64', data: 'AAAA', mimeType: 'image/png' } },
            ],
          },
        ],
      }),
    ).toThrow(/only in user messages/);
  });
});
