import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APIErrorType } from '../../errors/index.js';
import { parseOpenAIError, streamError } from './errors.js';

const recordedBody = (name: string): unknown => {
  const exchange = JSON.parse(
    readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8'),
  ) as {
    response: { body: string };
  };
  return JSON.parse(exchange.response.body);
};

describe('parseOpenAIError', () => {
  it('reads the recorded 401 and drops the echoed key', () => {
    const info = parseOpenAIError(recordedBody('error.401-invalid-api-key.http.json'), 401);
    expect(info).toEqual({
      message:
        'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.',
      code: 'invalid_api_key',
      type: APIErrorType.AUTH_FAILED,
    });
  });

  it('reads the recorded 429 as a rate limit with its code', () => {
    const info = parseOpenAIError(recordedBody('error.429-rate-limit-exceeded.http.json'), 429);
    expect(info.code).toBe('rate_limit_exceeded');
    expect(info.type).toBe(APIErrorType.RATE_LIMIT);
    expect(info.retryAfter).toBeUndefined();
  });

  it('takes the "try again in" hint of a 429 message', () => {
    const body = {
      error: {
        message: 'Rate limit reached. Please try again in 1.5s. Visit …',
        type: 'tokens',
        code: 'rate_limit_exceeded',
      },
    };
    expect(parseOpenAIError(body, 429).retryAfter).toBe(1.5);
    const milliseconds = {
      error: {
        message: 'Please try again in 120ms.',
        type: 'requests',
        code: 'rate_limit_exceeded',
      },
    };
    expect(parseOpenAIError(milliseconds, 429).retryAfter).toBe(0.12);
  });

  it('maps insufficient_quota to quota_exceeded, not retryable', () => {
    const body = {
      error: {
        message: 'You exceeded your current quota',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    };
    expect(parseOpenAIError(body, 429)).toEqual({
      message: 'You exceeded your current quota',
      code: 'insufficient_quota',
      type: APIErrorType.QUOTA_EXCEEDED,
      retryable: false,
    });
  });

  it('treats model_not_found as invalid_request even on a 403', () => {
    const body = {
      error: {
        message: 'Project does not have access to model `o3`',
        type: 'invalid_request_error',
        code: 'model_not_found',
      },
    };
    expect(parseOpenAIError(body, 403).type).toBe(APIErrorType.INVALID_REQUEST);
  });

  it('reads LM Studio string errors, bare bodies and text', () => {
    expect(parseOpenAIError({ error: 'Model is not loaded' }, 400)).toEqual({
      message: 'Model is not loaded',
    });
    expect(
      parseOpenAIError(
        { message: 'bad', type: 'invalid_request_error', code: 'wrong_api_format' },
        400,
      ),
    ).toEqual({
      message: 'bad',
      code: 'wrong_api_format',
    });
    expect(parseOpenAIError('<html>Bad gateway</html>', 502)).toEqual({
      message: '<html>Bad gateway</html>',
    });
    expect(parseOpenAIError('', 502)).toEqual({ message: 'HTTP 502' });
  });
});

describe('streamError', () => {
  it('types in-stream errors by code, then by error type', () => {
    expect(
      streamError(
        { message: 'quota', type: 'insufficient_quota', code: 'insufficient_quota' },
        'openai',
      ),
    ).toMatchObject({
      type: APIErrorType.QUOTA_EXCEEDED,
      retryable: false,
      provider: 'openai',
    });
    expect(
      streamError({ message: 'boom', type: 'server_error', param: null, code: null }, 'openai'),
    ).toMatchObject({
      type: APIErrorType.SERVER_ERROR,
      retryable: true,
      message: 'boom',
    });
  });
});
