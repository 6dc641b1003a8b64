import { describe, expect, it } from 'vitest';
import { APIError, APIErrorType } from './api-error.js';
import { redactSecrets } from './redact-secrets.js';
import { parseDuration, parseRetryAfter } from './retry-after.js';
import { errorTypeFromStatus, isRetryableStatus } from './status.js';

describe('errorTypeFromStatus', () => {
  it.each([
    [400, APIErrorType.INVALID_REQUEST],
    [401, APIErrorType.AUTH_FAILED],
    [402, APIErrorType.QUOTA_EXCEEDED],
    [403, APIErrorType.AUTH_FAILED],
    [404, APIErrorType.INVALID_REQUEST],
    [408, APIErrorType.TIMEOUT],
    [413, APIErrorType.INVALID_REQUEST],
    [429, APIErrorType.RATE_LIMIT],
    [500, APIErrorType.SERVER_ERROR],
    [503, APIErrorType.SERVER_ERROR],
    [504, APIErrorType.TIMEOUT],
    [529, APIErrorType.SERVER_ERROR],
  ])('maps %i to %s', (status, type) => {
    expect(errorTypeFromStatus(status)).toBe(type);
  });

  it('marks 408, 409, 429 and 5xx retryable only', () => {
    expect([400, 401, 404, 408, 409, 429, 500, 529].filter(isRetryableStatus)).toEqual([
      408, 409, 429, 500, 529,
    ]);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('prefers retry-after-ms, then seconds, then an HTTP date', () => {
    expect(
      parseRetryAfter(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }), now),
    ).toBe(1.5);
    expect(parseRetryAfter(new Headers({ 'retry-after': '65' }), now)).toBe(65);
    expect(
      parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now),
    ).toBe(30);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(new Headers(), now)).toBeUndefined();
  });

  it('parses protobuf durations', () => {
    expect(parseDuration('48s')).toBe(48);
    expect(parseDuration('0.5s')).toBe(0.5);
    expect(parseDuration('48')).toBeUndefined();
    expect(parseDuration(48)).toBeUndefined();
  });
});

describe('APIError', () => {
  it('defaults retry advice from its type and is recognised across copies', () => {
    const error = new APIError('slow down', {
      type: APIErrorType.RATE_LIMIT,
      provider: 'openai',
      status: 429,
    });
    expect(error.retryable).toBe(true);
    expect(
      new APIError('no', { type: APIErrorType.AUTH_FAILED, provider: 'openai' }).retryable,
    ).toBe(false);
    expect(APIError.isInstance(error)).toBe(true);
    const lookalike = Object.assign(new Error('x'), {
      [Symbol.for('thinkbackcode.api-error')]: true,
    });
    expect(APIError.isInstance(lookalike)).toBe(true);
    expect(APIError.isInstance(new Error('plain'))).toBe(false);
    expect(error.toJSON()).toMatchObject({
      type: 'rate_limit',
      provider: 'openai',
      status: 429,
      retryable: true,
    });
  });
});

describe('redactSecrets', () => {
  it('masks key shapes and given secrets', () => {
    const text =
      'keys sk-proj-abcdefghijklmnopqrstuv sk-ant-api03-abcdefghijkl AIzaSyA1234567890abcdefghijklmnop tbc_abcdefgh1234 Bearer abc.def.ghi-123 custom-secret-value';
    const redacted = redactSecrets(text, ['custom-secret-value']);
    expect(redacted).toBe(
      'keys [REDACTED] [REDACTED] [REDACTED] [REDACTED] Bearer [REDACTED] [REDACTED]',
    );
  });
});
