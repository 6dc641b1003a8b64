import { describe, expect, it } from 'vitest';
import { toGeminiSchema } from './schema.js';

describe('JSON Schema → Gemini Schema', () => {
  it('drops keywords Gemini rejects', () => {
    expect(
      toGeminiSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: false,
        properties: {
          city: {
            type: 'string',
            default: 'Berlin',
            examples: ['Paris'],
            format: 'uri',
            minLength: 1,
          },
          at: { type: 'string', format: 'date-time' },
        },
        required: ['city', 'missing'],
      }),
    ).toEqual({
      type: 'object',
      properties: {
        city: { type: 'string', minLength: 1 },
        at: { type: 'string', format: 'date-time' },
      },
      required: ['city'],
    });
  });

  it('inlines $ref definitions and stops at recursion', () => {
    expect(
      toGeminiSchema({
        type: 'object',
        $defs: {
          point: {
            type: 'object',
            properties: { x: { type: 'number' }, next: { $ref: '#/$defs/point' } },
          },
        },
        properties: { start: { $ref: '#/$defs/point', description: 'Start' } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        start: {
          type: 'object',
          description: 'Start',
          properties: { x: { type: 'number' }, next: { type: 'object' } },
        },
      },
    });
  });

  it('turns const into an enum, oneOf into anyOf and nullable type lists into nullable', () => {
    expect(
      toGeminiSchema({
        type: 'object',
        properties: {
          kind: { const: 'circle' },
          size: { type: ['integer', 'null'] },
          shape: { oneOf: [{ type: 'string' }, { type: 'number' }] },
          maybe: { anyOf: [{ type: 'string', description: 'Text' }, { type: 'null' }] },
          level: { type: 'integer', enum: [1, 2] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['circle'] },
        size: { type: 'integer', nullable: true },
        shape: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        maybe: { type: 'string', description: 'Text', nullable: true },
        level: { type: 'integer', enum: ['1', '2'] },
      },
    });
  });

  it('keeps array items (first of a tuple) and nested properties', () => {
    expect(
      toGeminiSchema({
        type: 'object',
        properties: {
          tags: { type: 'array', items: [{ type: 'string', pattern: '^a' }], maxItems: 3 },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string', pattern: '^a' }, maxItems: 3 },
      },
    });
  });
});
