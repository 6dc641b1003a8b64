import { describe, expect, it } from 'vitest';
import type { ChatChunk } from '../spec/index.js';
import { accumulateChatStream } from './accumulate.js';

async function* chunks(list: ChatChunk[]) {
  yield* list;
}

describe('accumulateChatStream', () => {
  it('joins text, reasoning, tool-call fragments and keeps final usage and finish', async () => {
    const base = { id: 'r1', model: 'm' };
    const response = await accumulateChatStream(
      chunks([
        { ...base, choices: [{ index: 0, delta: { role: 'assistant', reasoning: 'Think' } }] },
        { ...base, choices: [{ index: 0, delta: { reasoning: 'ing.' } }] },
        {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                reasoningDetail: {
                  type: 'text',
                  text: 'Thinking.',
                  signature: 'sig',
                  source: 'anthropic',
                },
              },
            },
          ],
        },
        { ...base, choices: [{ index: 0, delta: { content: 'Hel' } }] },
        { ...base, choices: [{ index: 0, delta: { content: 'lo' } }] },
        {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                toolCalls: [
                  { index: 1, id: 'b', type: 'function', function: { name: 'two', arguments: '' } },
                ],
              },
            },
          ],
        },
        {
          ...base,
          choices: [
            {
              index: 0,
              delta: {
                toolCalls: [
                  {
                    index: 0,
                    id: 'a',
                    type: 'function',
                    function: { name: 'one', arguments: '{"x"' },
                  },
                ],
              },
            },
          ],
        },
        {
          ...base,
          choices: [
            { index: 0, delta: { toolCalls: [{ index: 0, function: { arguments: ':1}' } }] } },
          ],
        },
        {
          ...base,
          choices: [
            { index: 0, delta: { toolCalls: [{ index: 1, function: { arguments: '{}' } }] } },
          ],
        },
        {
          ...base,
          choices: [{ index: 0, delta: {}, finishReason: 'tool_calls' }],
          usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
        },
      ]),
    );
    expect(response).toEqual({
      id: 'r1',
      model: 'm',
      choices: [
        {
          index: 0,
          finishReason: 'tool_calls',
          message: {
            role: 'assistant',
            content: 'Hello',
            reasoning: 'Thinking.',
            reasoningDetails: [
              { type: 'text', text: 'Thinking.', signature: 'sig', source: 'anthropic' },
            ],
            toolCalls: [
              { id: 'a', type: 'function', function: { name: 'one', arguments: '{"x":1}' } },
              { id: 'b', type: 'function', function: { name: 'two', arguments: '{}' } },
            ],
          },
        },
      ],
      usage: { promptTokens: 3, completionTokens: 4, totalTokens: 7 },
    });
  });

  it('gives null content when only tools were called', async () => {
    const response = await accumulateChatStream(
      chunks([
        {
          id: 'x',
          model: 'm',
          choices: [{ index: 0, delta: { content: '' }, finishReason: 'stop' }],
        },
      ]),
    );
    expect(response.choices[0]?.message.content).toBeNull();
  });
});
