import { describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from '../../errors/index.js';
import type { ChatRequest, Message } from '../../spec/index.js';
import { toWireMessages, toWireRequest } from './request.js';

const conversation: Message[] = [
  { role: 'system', content: [{ type: 'text', text: 'Be brief.' }] },
  {
    role: 'user',
    name: 'ada',
    content: [
      { type: 'text', text: 'What is in these?' },
      { type: 'image', source: { type: 'url', url: 'https://example.com/a.png' }, detail: 'low' },
      { type: 'image', source: { type: 'base64', data: 'iVBORw0KGgo=', mimeType: 'image/png' } },
    ],
  },
  {
    role: 'assistant',
    content: null,
    reasoning: 'Let me look.',
    reasoningDetails: [
      { type: 'text', text: 'Let me look.', signature: 'sig', source: 'anthropic' },
    ],
    toolCalls: [
      {
        id: 'toolu_01A09q90qw90lq917835lq9',
        type: 'function',
        function: { name: 'look', arguments: '{"image":1}' },
        signature: 'gemini-signature',
        signatureSource: 'google',
      },
      {
        id: 'call_3k2j1h0',
        type: 'function',
        function: { name: 'look', arguments: '{"image":2}' },
      },
    ],
  },
  { role: 'tool', toolCallId: 'toolu_01A09q90qw90lq917835lq9', content: 'a cat' },
  { role: 'tool', toolCallId: 'call_3k2j1h0', content: [{ type: 'text', text: 'a dog' }] },
];

describe('toWireMessages', () => {
  it('maps every role, images as image_url parts, and drops reasoning and signatures', () => {
    expect(toWireMessages(conversation, 'openai')).toEqual([
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        name: 'ada',
        content: [
          { type: 'text', text: 'What is in these?' },
          { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'low' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'toolu_01A09q90qw90lq917835lq9',
            type: 'function',
            function: { name: 'look', arguments: '{"image":1}' },
          },
          {
            id: 'call_3k2j1h0',
            type: 'function',
            function: { name: 'look', arguments: '{"image":2}' },
          },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9', content: 'a cat' },
      { role: 'tool', tool_call_id: 'call_3k2j1h0', content: 'a dog' },
    ]);
  });

  it('sends an empty string for an assistant turn with neither text nor calls', () => {
    expect(toWireMessages([{ role: 'assistant', content: null }], 'openai')).toEqual([
      { role: 'assistant', content: '' },
    ]);
  });

  it.each<[string, Message]>([
    ['a tool message without toolCallId', { role: 'tool', content: 'x' }],
    [
      'an image in a system message',
      {
        role: 'system',
        content: [{ type: 'image', source: { type: 'url', url: 'https://x/y.png' } }],
      },
    ],
    ['an unknown role', { role: 'critic' as Message['role'], content: 'x' }],
  ])('rejects %s with a typed invalid_request error', (_name, message) => {
    const failure = (() => {
      try {
        toWireMessages([message], 'openai');
      } catch (error) {
        return error;
      }
    })();
    expect(APIError.isInstance(failure)).toBe(true);
    expect((failure as APIError).type).toBe(APIErrorType.INVALID_REQUEST);
  });
});

describe('toWireRequest', () => {
  const base: ChatRequest = { model: 'm', messages: [{ role: 'user', content: 'hi' }] };

  it('maps sampling, tools and tool settings, and asks streams for usage', () => {
    const request: ChatRequest = {
      ...base,
      temperature: 0.3,
      topP: 0.9,
      maxTokens: 64,
      stop: ['END'],
      tools: [
        {
          type: 'function',
          function: { name: 'f', description: 'd', parameters: { type: 'object' }, strict: true },
          cacheControl: { type: 'ephemeral' },
        },
      ],
      toolChoice: { type: 'function', function: { name: 'f' } },
      parallelToolCalls: false,
      reasoning: { effort: 'high' },
      responseFormat: { type: 'json_object' },
      user: 'u-1',
      extraBody: { seed: 7 },
    };
    expect(toWireRequest(request, true, 'p', { maxTokensField: 'max_completion_tokens' })).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.3,
      top_p: 0.9,
      max_completion_tokens: 64,
      stop: ['END'],
      tools: [
        {
          type: 'function',
          function: { name: 'f', description: 'd', parameters: { type: 'object' }, strict: true },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'f' } },
      parallel_tool_calls: false,
      reasoning_effort: 'high',
      response_format: { type: 'json_object' },
      user: 'u-1',
      stream: true,
      stream_options: { include_usage: true },
      seed: 7,
    });
  });

  it('leaves tool settings out without tools, and uses max_tokens by default', () => {
    const body = toWireRequest(
      { ...base, tools: [], toolChoice: 'auto', parallelToolCalls: true, maxTokens: 5 },
      false,
      'p',
    );
    expect(body).toEqual({
      model: 'm',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 5,
    });
  });

  it('leaves reasoning_effort out for servers that do not take it', () => {
    const body = toWireRequest({ ...base, reasoning: { effort: 'low' } }, false, 'p', {
      reasoningEffort: false,
    });
    expect(body).not.toHaveProperty('reasoning_effort');
  });
});
