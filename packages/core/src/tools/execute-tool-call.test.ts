import { describe, expect, it } from 'vitest';
import type { Tool, ToolCall } from '../spec/index.js';
import { executeToolCall } from './execute-tool-call.js';

const weather: Tool = {
  type: 'function',
  function: {
    name: 'get_weather',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city'],
      additionalProperties: false,
    },
  },
};

const call = (args: string, name = 'get_weather'): ToolCall => ({
  id: 'call_1',
  type: 'function',
  function: { name, arguments: args },
});

describe('executeToolCall', () => {
  const handlers = { get_weather: (args: unknown) => ({ forecast: 'sunny', args }) };

  it('runs the handler with parsed arguments and serialises the result', async () => {
    const result = await executeToolCall(call('{"city":"Paris"}'), { handlers, tools: [weather] });
    expect(result).toEqual({
      toolCallId: 'call_1',
      name: 'get_weather',
      content: '{"forecast":"sunny","args":{"city":"Paris"}}',
      isError: false,
    });
  });

  it('returns error results for unknown tools, bad JSON and schema violations', async () => {
    expect(await executeToolCall(call('{}', 'nope'), { handlers })).toMatchObject({
      isError: true,
      content: '{"error":"Unknown tool \\"nope\\""}',
    });
    expect((await executeToolCall(call('{city:'), { handlers })).content).toContain(
      'not valid JSON',
    );
    const invalid = await executeToolCall(call('{"unit":"k","extra":1}'), {
      handlers,
      tools: [weather],
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.content).toContain('$.city is required');
    expect(invalid.content).toContain('$.unit should be one of');
    expect(invalid.content).toContain('$.extra is not allowed');
  });

  it('turns a throwing handler into an error result', async () => {
    const result = await executeToolCall(call('{"city":"x"}'), {
      handlers: {
        get_weather: () => {
          throw new Error('service down');
        },
      },
    });
    expect(result).toMatchObject({ isError: true, content: '{"error":"service down"}' });
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const pending = executeToolCall(call('{"city":"x"}'), {
      handlers: { get_weather: () => new Promise(() => {}) },
      signal: controller.signal,
    });
    controller.abort();
    expect(await pending).toMatchObject({
      isError: true,
      content: '{"error":"The tool call was aborted"}',
    });
  });
});
