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
    ['Groq', 'k=gsk_abcdefghijklmnopqrstuvwxyz0123456789', 'k=[REDACTED]'],
    ['xAI', 'xai-abcdefghijklmnopqrstuvwxyz0123456789', '[REDACTED]'],
    ['Hugging Face', '(hf_abcdefghijklmnopqrstuvwxyzABCDEFGH)', '([REDACTED])'],
    ['GitHub classic', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', '[REDACTED]'],
    ['GitHub fine-grained', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop', '[REDACTED]'],
    ['AWS', 'id AKIAIOSFODNN7EXAMPLE.', 'id [REDACTED].'],
    ['Slack', 'xoxb-123456789012-123456789012-abcdefghijklmnopqrstuvwx', '[REDACTED]'],
    ['Stripe live', 'sk_live_51H8abcdefghijklmnopqrstu', '[REDACTED]'],
    ['Stripe restricted', 'rk_live_51H8abcdefghijklmnopqrstu', '[REDACTED]'],
    ['Basic', 'Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: Basic [REDACTED]'],
    [
      'Basic in JSON',
      '{"authorization":"Basic dXNlcjpwYXNz"}',
      '{"authorization":"Basic [REDACTED]"}',
    ],
    ['x-api-key header', 'x-api-key: 3f9a1b2c4d5e6f70', 'x-api-key: [REDACTED]'],
    ['api-key header', 'API-Key: 0123456789abcdef', 'API-Key: [REDACTED]'],
    ['URL query key', '/v1/models?key=3f9a1b2c4d5e6f70&x=1', '/v1/models?key=[REDACTED]&x=1'],
  ])('masks %s keys whole', (_name, input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text =
      'task-force-0123456789abcdefgh ask-me max_tokens=100 sk-short Bearer x Basic plan ' +
      'api-key rotation, hf_ short, ghp_x, AKIA-style';
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

  it('masks a registered value inside JSON text, where it is escaped', () => {
    registerSecret('custom"quoted\\secret');
    expect(redact(JSON.stringify({ a: 'custom"quoted\\secret' }))).toBe(`{"a":"${REDACTED}"}`);
    unregisterSecret('custom"quoted\\secret');
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

  it('redacts fields whose names contain a credential word, keeping numbers', () => {
    expect(
      redactValue({
        headers: { 'X-Api-Key': 'abc123456789', 'proxy-authorization': 'x', cookie: 'a=b' },
        clientSecret: 'cs-1234567890',
        apiKeys: ['plainkey12345', { value: 'nested' }],
        private_key: 'pk',
        max_tokens: 100,
        usage: { total_tokens: 5 },
      }),
    ).toEqual({
      headers: { 'X-Api-Key': REDACTED, 'proxy-authorization': REDACTED, cookie: REDACTED },
      clientSecret: REDACTED,
      apiKeys: [REDACTED, { value: REDACTED }],
      private_key: REDACTED,
      max_tokens: 100,
      usage: { total_tokens: 5 },
    });
  });

  it('survives cycles and very deep values', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    cyclic.list = [cyclic];
    expect(redactValue(cyclic)).toEqual({ name: 'a', self: '[Circular]', list: ['[Circular]'] });
    const shared = { note: 'x' };
    expect(redactValue({ one: shared, two: shared })).toEqual({ one: shared, two: shared });
    const deep: Record<string, unknown> = {};
    let current = deep;
    for (let index = 0; index < 20_000; index += 1) {
      const next: Record<string, unknown> = {};
      current.a = next;
      current = next;
    }
    expect(() => redactValue(deep)).not.toThrow();
  });
});
