import { MigrationError, type TextPosition } from '../errors.js';

/** A parsed JSON document and the object keys that appeared twice in it. */
export interface ParsedJson {
  value: unknown;
  /** Paths of repeated keys, e.g. `["providerProfiles", "apiConfigs", "Sonnet"]`; the last value wins. */
  duplicateKeys: string[][];
}

const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: JSON forbids raw control characters in strings; this stops at them.
const PLAIN_STRING_END = /[^"\\\u0000-\u001f]*/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
// Only punctuation is quoted in messages; any other character could be part of a key.
const NAMEABLE = new Set(['{', '}', '[', ']', ',', ':', '"']);

/**
 * Parses JSON strictly (RFC 8259), like `JSON.parse`, but its errors say what is wrong and where
 * (line, column) without quoting the text — the native messages include a snippet of the input,
 * which in these files may be a key. A leading byte order mark is ignored.
 */
export function parseJson(text: string): ParsedJson {
  const duplicateKeys: string[][] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const path: string[] = [];

  const fail = (problem: string, at = index): never => {
    throw new MigrationError(`Malformed JSON at ${describe(position(text, at))}: ${problem}`, {
      code: 'invalid_json',
      position: position(text, at),
    });
  };

  const skipWhitespace = (): void => {
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) index += 1;
      else return;
    }
  };

  const found = (): string => {
    if (index >= text.length) return 'the end of the input';
    const character = text.charAt(index);
    if (NAMEABLE.has(character)) return `'${character}'`;
    if (character === "'") return 'a single quote (JSON strings need double quotes)';
    if (character === '/') return 'a comment (JSON has none)';
    return 'an unexpected character';
  };

  const parseString = (): string => {
    const start = index;
    index += 1;
    PLAIN_STRING_END.lastIndex = index;
    PLAIN_STRING_END.test(text);
    index = PLAIN_STRING_END.lastIndex;
    if (text.charCodeAt(index) === 0x22) {
      index += 1;
      return text.slice(start + 1, index - 1);
    }
    let result = text.slice(start + 1, index);
    for (;;) {
      if (index >= text.length) return fail('unterminated string', start);
      const character = text.charAt(index);
      const code = text.charCodeAt(index);
      if (character === '"') {
        index += 1;
        return result;
      }
      if (code < 0x20) return fail('control character inside a string (escape it)');
      if (character !== '\\') {
        result += character;
        index += 1;
        continue;
      }
      const escaped = text.charAt(index + 1);
      if (escaped === 'u') {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) return fail('invalid \\u escape in a string');
        result += String.fromCharCode(Number.parseInt(hex, 16));
        index += 6;
        continue;
      }
      const replacement = ESCAPES[escaped];
      if (replacement === undefined) return fail('invalid escape in a string');
      result += replacement;
      index += 2;
    }
  };

  const parseValue = (depth: number): unknown => {
    skipWhitespace();
    const character = text.charAt(index);
    if (character === '{') return parseObject(depth + 1);
    if (character === '[') return parseArray(depth + 1);
    if (character === '"') return parseString();
    if (text.startsWith('true', index)) return advance(4, true);
    if (text.startsWith('false', index)) return advance(5, false);
    if (text.startsWith('null', index)) return advance(4, null);
    NUMBER.lastIndex = index;
    const match = NUMBER.exec(text);
    if (match !== null && match[0] !== '' && match[0] !== '-') {
      index += match[0].length;
      return Number(match[0]);
    }
    return fail(`expected a value but found ${found()}`);
  };

  const advance = <T>(length: number, value: T): T => {
    index += length;
    return value;
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const object: Record<string, unknown> = {};
    index += 1;
    skipWhitespace();
    if (text.charAt(index) === '}') return advance(1, object);
    for (;;) {
      skipWhitespace();
      if (text.charAt(index) !== '"') {
        const trailing = text.charAt(index) === '}';
        fail(
          trailing ? 'trailing comma before }' : `expected a property name but found ${found()}`,
        );
      }
      const key = parseString();
      skipWhitespace();
      if (text.charAt(index) !== ':')
        fail(`expected ':' after a property name but found ${found()}`);
      index += 1;
      path.push(key);
      const value = parseValue(depth);
      path.pop();
      if (Object.hasOwn(object, key)) duplicateKeys.push([...path, key]);
      // defineProperty: a "__proto__" key must become data, not the prototype.
      Object.defineProperty(object, key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      skipWhitespace();
      const next = text.charAt(index);
      index += 1;
      if (next === '}') return object;
      if (next !== ',') {
        index -= 1;
        fail(`expected ',' or '}' after a property value but found ${found()}`);
      }
    }
  };

  const parseArray = (depth: number): unknown[] => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH} levels`);
    const array: unknown[] = [];
    index += 1;
    skipWhitespace();
    if (text.charAt(index) === ']') return advance(1, array);
    for (;;) {
      skipWhitespace();
      if (text.charAt(index) === ']') fail('trailing comma before ]');
      path.push(String(array.length));
      array.push(parseValue(depth));
      path.pop();
      skipWhitespace();
      const next = text.charAt(index);
      index += 1;
      if (next === ']') return array;
      if (next !== ',') {
        index -= 1;
        fail(`expected ',' or ']' after an array element but found ${found()}`);
      }
    }
  };

  skipWhitespace();
  if (index >= text.length) fail('the input is empty');
  const value = parseValue(0);
  skipWhitespace();
  if (index < text.length) fail(`unexpected content after the end of the document (${found()})`);
  return { value, duplicateKeys };
}

function position(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}

function describe(at: TextPosition): string {
  return `line ${at.line}, column ${at.column}`;
}
