import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../harness.js';
import { startGeminiSimulator } from './index.js';

let simulator: Simulator;
beforeAll(async () => {
  simulator = await startGeminiSimulator();
});
afterAll(() => simulator.close());

async function post(body: unknown, model = 'gemini-2.5-flash') {
  const response = await fetch(`${simulator.origin}/v1beta/models/${model}:generateContent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-goog-api-key': simulator.apiKey },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as {
    error?: { code: number; status: string; message: string };
  };
  return { status: response.status, error: json.error };
}

const user = (text: string) => ({ role: 'user', parts: [{ text }] });
const tool = (parameters: unknown) => [{ functionDeclarations: [{ name: 'lookup', parameters }] }];

describe('Gemini simulator request validation', () => {
  const invalid: Array<[string, unknown, RegExp]> = [
    ['no contents', { contents: [] }, /contents is not specified/],
    [
      'an unknown role',
      { contents: [{ role: 'assistant', parts: [{ text: 'x' }] }] },
      /valid role: user, model/,
    ],
    ['empty parts', { contents: [{ role: 'user', parts: [] }] }, /must not be empty/],
    [
      'an unknown top-level field',
      { contents: [user('x')], messages: [] },
      /Unknown name "messages"/,
    ],
    [
      'an unknown part field',
      { contents: [{ role: 'user', parts: [{ content: 'x' }] }] },
      /Unknown name "content"/,
    ],
    [
      'two data fields in one part',
      {
        contents: [
          {
            role: 'user',
            parts: [{ text: 'x', inlineData: { mimeType: 'image/png', data: 'AA==' } }],
          },
        ],
      },
      /Oneof field 'data'/,
    ],
    [
      'inline data without a MIME type',
      { contents: [{ role: 'user', parts: [{ inlineData: { data: 'AA==' } }] }] },
      /mime_type: required/,
    ],
    [
      'file data without a MIME type',
      {
        contents: [
          { role: 'user', parts: [{ fileData: { fileUri: 'https://example.com/a.png' } }] },
        ],
      },
      /mime_type: required/,
    ],
    [
      'additionalProperties in a tool schema',
      { contents: [user('x')], tools: tool({ type: 'OBJECT', additionalProperties: false }) },
      /Unknown name "additionalProperties"/,
    ],
    [
      '$ref in a tool schema',
      {
        contents: [user('x')],
        tools: tool({ type: 'OBJECT', properties: { a: { $ref: '#/$defs/a' } } }),
      },
      /Unknown name "\$ref"/,
    ],
    [
      'a type list in a tool schema',
      {
        contents: [user('x')],
        tools: tool({ type: 'OBJECT', properties: { a: { type: ['string', 'null'] } } }),
      },
      /Proto field is not repeating/,
    ],
    [
      'a required property that is not defined',
      { contents: [user('x')], tools: tool({ type: 'OBJECT', properties: {}, required: ['a'] }) },
      /property is not defined/,
    ],
    [
      'an unknown generationConfig field',
      { contents: [user('x')], generationConfig: { max_tokens: 5 } },
      /Unknown name "max_tokens" at 'generation_config'/,
    ],
    [
      'a function response without a call',
      {
        contents: [
          user('x'),
          { role: 'user', parts: [{ functionResponse: { name: 'a', response: {} } }] },
        ],
      },
      /function response turn comes immediately after a function call turn/,
    ],
    [
      'fewer responses than calls',
      {
        contents: [
          user('x'),
          {
            role: 'model',
            parts: [
              { functionCall: { name: 'a', args: {} } },
              { functionCall: { name: 'b', args: {} } },
            ],
          },
          { role: 'user', parts: [{ functionResponse: { name: 'a', response: {} } }] },
        ],
      },
      /number of function response parts is equal to the number of function call parts/,
    ],
    [
      'function call args that are not an object',
      {
        contents: [
          user('x'),
          { role: 'model', parts: [{ functionCall: { name: 'a', args: '{}' } }] },
        ],
      },
      /args/,
    ],
  ];
  for (const [name, body, message] of invalid) {
    it(`rejects ${name} with 400 INVALID_ARGUMENT`, async () => {
      const { status, error } = await post(body);
      expect(status).toBe(400);
      expect(error?.status).toBe('INVALID_ARGUMENT');
      expect(error?.message).toMatch(message);
    });
  }

  it('rejects thinking settings on a model that cannot think', async () => {
    const { status, error } = await post(
      { contents: [user('x')], generationConfig: { thinkingConfig: { thinkingBudget: 100 } } },
      'gemini-2.0-flash',
    );
    expect(status).toBe(400);
    expect(error?.message).toMatch(/Thinking is not supported/);
  });

  it('accepts the schema subset Gemini documents, in either type case', async () => {
    const parameters = {
      type: 'object',
      properties: {
        city: { type: 'STRING', description: 'City', enum: ['Berlin', 'Paris'] },
        when: { type: 'string', format: 'date-time', nullable: true },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1 },
        either: { anyOf: [{ type: 'string' }, { type: 'integer' }] },
      },
      required: ['city'],
      propertyOrdering: ['city', 'when', 'tags', 'either'],
    };
    const { status } = await post({ contents: [user('x')], tools: tool(parameters) });
    expect(status).toBe(200);
  });

  it('does not require signatures on Gemini 2.5, only on Gemini 3', async () => {
    const contents = [
      user('x'),
      { role: 'model', parts: [{ functionCall: { name: 'a', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'a', response: { ok: 1 } } }] },
    ];
    expect((await post({ contents })).status).toBe(200);
    const gemini3 = await post({ contents }, 'gemini-3-flash-preview');
    expect(gemini3.status).toBe(400);
    expect(gemini3.error?.message).toMatch(/missing a thought_signature/);
  });

  it('checks signatures only in the current turn (after the last user text)', async () => {
    const contents = [
      user('x'),
      { role: 'model', parts: [{ functionCall: { name: 'a', args: {} } }] },
      { role: 'user', parts: [{ functionResponse: { name: 'a', response: { ok: 1 } } }] },
      { role: 'model', parts: [{ text: 'done' }] },
      user('next question'),
    ];
    expect((await post({ contents }, 'gemini-3-flash-preview')).status).toBe(200);
  });

  it('answers a request without a key with 403 PERMISSION_DENIED', async () => {
    const response = await fetch(`${simulator.origin}/v1beta/models`);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { status: string } }).error.status).toBe(
      'PERMISSION_DENIED',
    );
  });
});
