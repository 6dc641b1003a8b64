import { describe, expect, it } from 'vitest';
import { normaliseProxyPath, UnsafePathError } from './path.js';

describe('normaliseProxyPath', () => {
  it('keeps ordinary paths byte for byte', () => {
    expect(normaliseProxyPath('/v1/chat/completions')).toBe('/v1/chat/completions');
    expect(normaliseProxyPath('/v1beta/models/gemini-2.5-flash:streamGenerateContent')).toBe(
      '/v1beta/models/gemini-2.5-flash:streamGenerateContent',
    );
    expect(normaliseProxyPath('/v1/files/a%20b')).toBe('/v1/files/a%20b');
    expect(normaliseProxyPath('')).toBe('/');
  });

  const unsafe = [
    '/v1/../admin',
    '/v1/./x',
    '/v1/%2e%2e/admin',
    '/v1/%2E./admin',
    '/v1/%252e%252e/admin',
    '/v1/a%2fb',
    '/v1/a%5cb',
    '/v1/a\\b',
    '//evil.example/x',
    '/v1//x',
    '/v1/%00',
    '/v1/%zz',
    'v1/no-leading-slash',
  ];
  for (const path of unsafe) {
    it(`refuses ${path}`, () => {
      expect(() => normaliseProxyPath(path)).toThrow(UnsafePathError);
    });
  }
});
