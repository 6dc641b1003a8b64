import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APIErrorType } from '../../errors/index.js';
import { parseGeminiError, streamError } from './errors.js';

const recorded = (name: string): unknown =>
  JSON.parse(
    (
      JSON.parse(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8')) as {
        response: { body: string };
      }
    ).response.body,
  );

describe('Gemini error bodies', () => {
  it('reads the recorded 400 API_KEY_INVALID as auth_failed', () => {
    expect(parseGeminiError(recorded('error.400-api-key-invalid.http.json'), 400)).toEqual({
      message: 'API key not valid. Please pass a valid API key.',
      code: 'API_KEY_INVALID',
      type: APIErrorType.AUTH_FAILED,
    });
  });

  it('reads RetryInfo.retryDelay from the recorded 429 as retryAfter (a rate limit)', () => {
    const info = parseGeminiError(recorded('error.429-resource-exhausted.http.json'), 429);
    expect(info.retryAfter).toBe(48);
    expect(info.type).toBeUndefined();
    expect(info.code).toBe('RESOURCE_EXHAUSTED');
  });

  it('calls a spent daily free-tier quota without retry hint quota_exceeded', () => {
    const body = {
      error: {
        code: 429,
        message: 'You exceeded your current quota.',
        status: 'RESOURCE_EXHAUSTED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
            violations: [{ quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier' }],
          },
        ],
      },
    };
    expect(parseGeminiError(body, 429).type).toBe(APIErrorType.QUOTA_EXCEEDED);
  });

  it('keeps plain-text bodies as the message', () => {
    expect(parseGeminiError('upstream connect error', 502)).toEqual({
      message: 'upstream connect error',
    });
  });

  it('types an in-stream error from its code', () => {
    const error = streamError(
      { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
      'google',
    );
    expect(error).toMatchObject({
      type: 'server_error',
      status: 503,
      retryable: true,
      code: 'UNAVAILABLE',
    });
  });
});
