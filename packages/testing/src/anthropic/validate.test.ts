import { describe, expect, it } from 'vitest';
import { ThinkingSigner } from './signature.js';
import { validateMessagesRequest } from './validate.js';

const signer = new ThinkingSigner();
const base = { model: 'claude-haiku-4-5', max_tokens: 2048 };
const user = (content: unknown) => ({ role: 'user', content });
const assistant = (content: unknown) => ({ role: 'assistant', content });
const tools = [{ name: 'clock', input_schema: { type: 'object' } }];
const call = (id: string) => ({ type: 'tool_use', id, name: 'clock', input: {} });
const result = (id: string) => ({ type: 'tool_result', tool_use_id: id, content: 'noon' });
const thinking = { type: 'enabled', budget_tokens: 1024 };
const validate = (body: Record<string, unknown>, version?: string) =>
  validateMessagesRequest({ ...base, ...body }, signer, version);

describe('validateMessagesRequest', () => {
  it('accepts a plain request and reports what the answer needs', () => {
    expect(validate({ messages: [user('Hi')], stream: true })).toEqual({
      model: 'claude-haiku-4-5',
      messages: [user('Hi')],
      stream: true,
      thinkingEnabled: false,
    });
  });

  it.each([
    [{ max_tokens: undefined }, 'max_tokens: Field required'],
    [{ messages: [] }, 'messages: at least one message is required'],
    [{ messages: [assistant('Hi')] }, 'messages: first message must use the "user" role'],
    [
      { messages: [user('a'), user('b')] },
      'messages: roles must alternate between "user" and "assistant"',
    ],
    [{ messages: [{ role: 'system', content: 'x' }] }, 'Unexpected role "system"'],
    [{ messages: [user('Hi')], foo: 1 }, 'foo: Extra inputs are not permitted'],
    [{ messages: [user([{ type: 'text', text: '' }])] }, 'text content blocks must be non-empty'],
    [
      { messages: [user('a'), assistant([call('bad id!')]), user([result('bad id!')])], tools },
      "String should match pattern '^[a-zA-Z0-9_-]+$'",
    ],
    [
      { messages: [user('a'), assistant([call('t1')]), user([result('t1'), result('t2')])], tools },
      'unexpected `tool_use_id` found in `tool_result` blocks: t2',
    ],
    [
      { messages: [user('a'), assistant([call('t1'), call('t2')]), user([result('t1')])], tools },
      '`tool_use` ids were found without `tool_result` blocks immediately after: t2',
    ],
    [{ messages: [user('a'), assistant([call('t1')]), user([result('t1')])] }, 'must define tools'],
    [
      { messages: [user('Hi')], thinking: { type: 'enabled', budget_tokens: 500 } },
      'greater than or equal to 1024',
    ],
    [
      { messages: [user('Hi')], thinking, max_tokens: 1024 },
      '`max_tokens` must be greater than `thinking.budget_tokens`',
    ],
    [{ messages: [user('Hi')], thinking, temperature: 0.5 }, '`temperature` may only be set to 1'],
    [
      { messages: [user('a'), assistant([call('t1')]), user([result('t1')])], tools, thinking },
      'Expected `thinking` or `redacted_thinking`, but found `tool_use`',
    ],
    [
      {
        messages: [
          user('a'),
          assistant([{ type: 'thinking', thinking: 'x', signature: 'forged' }, call('t1')]),
          user([result('t1')]),
        ],
        tools,
        thinking,
      },
      'Invalid `signature` in `thinking` block',
    ],
    [
      {
        messages: [
          user([
            { type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'AA' } },
          ]),
        ],
      },
      'media_type',
    ],
    [
      { messages: [user('Hi')], tools: [{ name: 'x', parameters: {} }] },
      'tools.0.custom.parameters: Extra inputs are not permitted',
    ],
  ])('rejects %j', (body, message) => {
    const outcome = validate(body as Record<string, unknown>);
    expect(typeof outcome).toBe('string');
    expect(outcome).toContain(message);
  });

  it('accepts replayed thinking it signed, before the continued tool turn', () => {
    const text = 'I should call the clock.';
    const signature = signer.sign(text);
    const messages = [
      user('What time is it?'),
      assistant([{ type: 'thinking', thinking: text, signature }, call('toolu_1')]),
      user([result('toolu_1')]),
    ];
    expect(validate({ messages, tools, thinking })).toMatchObject({ thinkingEnabled: true });
    const altered = [
      messages[0],
      assistant([{ type: 'thinking', thinking: `${text} `, signature }, call('toolu_1')]),
      messages[2],
    ];
    expect(validate({ messages: altered, tools, thinking })).toContain('Invalid `signature`');
  });

  it('counts cache_control breakpoints across system, tools and messages (at most 4)', () => {
    const cache = { type: 'ephemeral' };
    const parts = [
      { type: 'text', text: 'a', cache_control: cache },
      { type: 'text', text: 'b', cache_control: { type: 'ephemeral', ttl: '1h' } },
    ];
    const body = {
      system: [{ type: 'text', text: 's', cache_control: cache }],
      tools: [{ ...tools[0], cache_control: cache }],
      messages: [user(parts)],
    };
    expect(typeof validate(body)).toBe('object');
    const tooMany = {
      ...body,
      messages: [user([...parts, { type: 'text', text: 'c', cache_control: cache }])],
    };
    expect(validate(tooMany)).toBe(
      'A maximum of 4 blocks with cache_control may be provided. Found 5.',
    );
  });

  it('rejects sampling parameters only under API version 2026-10-21', () => {
    expect(typeof validate({ messages: [user('Hi')], temperature: 0.2 }, '2023-06-01')).toBe(
      'object',
    );
    expect(validate({ messages: [user('Hi')], temperature: 0.2 }, '2026-10-21')).toBe(
      'temperature: Extra inputs are not permitted',
    );
  });
});
