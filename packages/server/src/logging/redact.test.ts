import { describe, expect, it } from 'vitest';
import { redact } from './redact.js';
import { createRequestLogger } from './request-logger.js';

describe('redact', () => {
  it('masks vendor key shapes, bearer tokens, given secrets and key-named values', () => {
    const text =
      'openai sk-proj-abcdefghijklmnop0123 anthropic sk-ant-api03-abcdefgh google AIzaSyA0123456789abcdefghijk ' +
      'gateway tbc_abcdefgh12345678 Authorization: Bearer opaque-token-123 custom my-own-secret-value ?key=plainvalue99';
    const result = redact(text, ['my-own-secret-value']);
    for (const secret of [
      'sk-proj-abcdefghijklmnop0123',
      'sk-ant-api03-abcdefgh',
      'AIzaSyA0123456789abcdefghijk',
      'tbc_abcdefgh12345678',
      'opaque-token-123',
      'my-own-secret-value',
      'plainvalue99',
    ]) {
      expect(result).not.toContain(secret);
    }
    expect(result).toContain('Bearer [REDACTED]');
  });

  it('is applied to every string field of a log line', () => {
    const lines: string[] = [];
    createRequestLogger((line) => lines.push(line)).log({
      path: '/v1/x',
      note: 'Bearer sk-abcdefghijklmnop1234',
      status: 200,
    });
    expect(JSON.parse(lines[0] as string)).toEqual({
      path: '/v1/x',
      note: 'Bearer [REDACTED]',
      status: 200,
    });
  });
});
