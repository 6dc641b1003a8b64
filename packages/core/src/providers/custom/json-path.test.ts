import { describe, expect, it } from 'vitest';
import { parseJsonPath, readJsonPath, writeJsonPath } from './json-path.js';
import { fillTemplate } from './template.js';

describe('JSON paths', () => {
  it('parses dot paths with indexes and rejects malformed ones', () => {
    expect(parseJsonPath('choices[0].message.content')).toEqual([
      'choices',
      0,
      'message',
      'content',
    ]);
    expect(parseJsonPath('[1][0].text')).toEqual([1, 0, 'text']);
    expect(parseJsonPath('a-b.$c')).toEqual(['a-b', '$c']);
    for (const bad of ['', 'a..b', 'a.', 'a[x]', 'a[0', 'a b', 'a.[0]']) {
      expect(parseJsonPath(bad), bad).toBeUndefined();
    }
  });

  it('reads values and gives undefined for any missing step', () => {
    const value = { a: [{ b: 'x' }, null], c: 0 };
    expect(readJsonPath(value, ['a', 0, 'b'])).toBe('x');
    expect(readJsonPath(value, ['c'])).toBe(0);
    expect(readJsonPath(value, ['a', 1, 'b'])).toBeUndefined();
    expect(readJsonPath(value, ['a', 'b'])).toBeUndefined();
    expect(readJsonPath(value, ['toString'])).toBeUndefined();
  });

  it('writes into nested objects, creating them', () => {
    const target: Record<string, unknown> = { options: { keep: 1 } };
    writeJsonPath(target, ['options', 'stream'], true);
    writeJsonPath(target, ['x', 'y'], false);
    expect(target).toEqual({ options: { keep: 1, stream: true }, x: { y: false } });
  });
});

describe('fillTemplate', () => {
  it('keeps types for whole placeholders, interpolates inside text, drops undefined', () => {
    const filled = fillTemplate(
      {
        n: '{{ maxTokens }}',
        s: 'Hi {{name}} {{missing}}!',
        list: ['{{maxTokens}}', '{{missing}}'],
        gone: '{{missing}}',
      },
      { maxTokens: 5, name: { a: 1 } },
    );
    expect(filled).toEqual({ n: 5, s: 'Hi {"a":1} !', list: [5] });
  });
});
