import { describe, expect, it } from 'vitest';
import { MigrationError } from '../errors.js';
import { parseJson } from './parse-json.js';

function failure(text: string): MigrationError {
  try {
    parseJson(text);
  } catch (error) {
    if (MigrationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected parseJson to throw');
}

describe('parseJson', () => {
  it('parses what JSON.parse parses, to the same value', () => {
    const documents = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e"}}',
      ' [ -0.5e+3 , 0 , 12.25, "x\\"y\\\\z\\u00e9\\n" ] ',
      '"plain"',
      '{"nested":{"deep":[[[]],{}]}}',
      '\ufeff{"bom":true}',
    ];
    for (const document of documents) {
      expect(parseJson(document).value).toEqual(JSON.parse(document.replace(/^\ufeff/, '')));
    }
  });

  it('keeps a __proto__ key as data instead of changing the prototype', () => {
    const { value } = parseJson('{"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports repeated keys with their path and keeps the last value', () => {
    const { value, duplicateKeys } = parseJson(
      '{"p":{"apiConfigs":{"A":{"v":1},"B":{},"A":{"v":2}}}}',
    );
    expect(duplicateKeys).toEqual([['p', 'apiConfigs', 'A']]);
    expect(value).toEqual({ p: { apiConfigs: { A: { v: 2 }, B: {} } } });
  });

  it.each([
    ['', 'the input is empty', 1, 1],
    ['   \n  ', 'the input is empty', 2, 3],
    ['{"a":1,}', 'trailing comma before }', 1, 8],
    ['[1,2,]', 'trailing comma before ]', 1, 6],
    ['{"a":1\n "b":2}', "expected ',' or '}' after a property value", 2, 2],
    ['{"a" 1}', "expected ':' after a property name", 1, 6],
    ["{'a':1}", 'a single quote', 1, 2],
    ['{"a":1} // note', 'unexpected content after the end', 1, 9],
    ['{"a":"unterminated', 'unterminated string', 1, 6],
    ['{"a":tru}', 'expected a value', 1, 6],
    ['{"a":"\\q"}', 'invalid escape', 1, 7],
    ['[1 2]', "expected ',' or ']' after an array element", 1, 4],
    ['{"a":\n\n   }', "expected a value but found '}'", 3, 4],
  ])('rejects %j naming the problem and its position', (text, problem, line, column) => {
    const error = failure(text);
    expect(error.code).toBe('invalid_json');
    expect(error.message).toContain(problem);
    expect(error.message).toContain(`line ${line}, column ${column}`);
    expect(error.position).toMatchObject({ line, column });
  });

  it('never quotes the input in its error, even when a key sits next to the mistake', () => {
    const canary = 'sk-CANARY-parse-0000';
    const error = failure(`{"apiKey": "${canary}" "next": 1}`);
    expect(error.message).not.toContain(canary);
    expect(error.message).not.toContain('CANARY');
    expect(failure(`{"apiKey": ${canary}}`).message).not.toContain('CANARY');
  });

  it('refuses nesting deep enough to overflow the stack', () => {
    const error = failure(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    expect(error.message).toContain('nesting deeper than');
  });
});
