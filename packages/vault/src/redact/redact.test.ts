import { describe, expect, it } from 'vitest';
import { REDACTED, redact, redactValue, registerSecret, unregisterSecret } from './redact.js';

describe('redact', () => {
  it.each([
    ['OpenAI', 'key sk-proj-abcDEF0123456789ghijKLMN here', 'key [REDACTED] here'],
    ['OpenAI legacy', 'sk-0123456789abcdefABCDEF', '[REDACTED]'],
    ['Anthropic', 'x=sk-ant-api03-AbC_dEf-0123456789', 'x=[REDACTED]'],
    ['Google', '?key=AIzaSyA1234567890abcdefghijklmnopqrs&x', '?key=[REDACTED]&x'],
    ['ThinkBackCode', '"tbc_live_0123456789abcdef"', '"[REDACTED]"'],
    ['Bearer', 'Authorization: Bearer eyJhbGciOi.abc.def', 'Authorization: Bearer [REDACTED]'],
    ['bearer lower case', 'authorization: bearer abcdefghij', 'authorization: bearer [REDACTED]'],
  ])('masks %s keys whole', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'task-force-0123456789abcdefgh ask-me max_tokens=100 sk-short Bearer x';
    expect(redact(text)).toBe(text);
  });

  it('masks registered values of any shape, longest first, and forgets them on request', () => {
    registerSecret('lm-studio-local-7731');
    registerSecret('lm-studio-local-7731-extended');
    expect(redact('a lm-studio-local-7731-extended b lm-studio-local-7731')).toBe(
      `a ${REDACTED} b ${REDACTED}`,
    );
    unregisterSecret('lm-studio-local-7731');
    unregisterSecret('lm-studio-local-7731-extended');
    expect(redact('lm-studio-local-7731')).toBe('lm-studio-local-7731');
  });

  it('ignores registered values too short to be secrets', () => {
    registerSecret('abc');
    expect(redact('abc abc')).toBe('abc abc');
  });

  it('redacts values deeply and credential-named fields whole', () => {
    expect(
      redactValue({
        provider: 'custom',
        apiKey: 'short',
        headers: { Authorization: 'Basic Zm9vOmJhcg==', 'x-trace': 'id sk-ant-api03-0123456789' },
        list: ['Bearer abcdefghijk', 42, null],
        maxTokens: 100,
      }),
    ).toEqual({
      provider: 'custom',
      apiKey: REDACTED,
      headers: { Authorization: REDACTED, 'x-trace': `id ${REDACTED}` },
      list: [`Bearer ${REDACTED}`, 42, null],
      maxTokens: 100,
    });
  });
});
