import type { ServerResponse } from 'node:http';
import type { ScriptedError, ScriptedErrorKind } from '../script.js';
import { GOOGLE_JSON_HEADERS } from './headers.js';

/** A `google.rpc.Status` error body as the Gemini API sends it. */
export interface GeminiErrorBody {
  error: {
    code: number;
    message: string;
    status: string;
    details?: Record<string, unknown>[];
  };
}

/** An error answer: status, status text and body. */
export interface GeminiErrorAnswer {
  status: number;
  statusText: string;
  body: GeminiErrorBody;
}

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Builds an error answer from its parts. */
export function geminiError(
  code: number,
  status: string,
  message: string,
  details?: Record<string, unknown>[],
): GeminiErrorAnswer {
  const error: GeminiErrorBody['error'] = { code, message, status };
  if (details !== undefined) error.details = details;
  return { status: code, statusText: statusTexts[code] ?? '', body: { error } };
}

/** A 400 INVALID_ARGUMENT with a message, as request validation answers. */
export function invalidArgument(message: string): GeminiErrorAnswer {
  return geminiError(400, 'INVALID_ARGUMENT', message);
}

const apiKeyInvalidMessage = 'API key not valid. Please pass a valid API key.';

/** The recorded answer to a wrong key: 400 (not 401) with `ErrorInfo.reason` API_KEY_INVALID. */
export function apiKeyInvalid(): GeminiErrorAnswer {
  return geminiError(400, 'INVALID_ARGUMENT', apiKeyInvalidMessage, [
    {
      '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
      reason: 'API_KEY_INVALID',
      domain: 'googleapis.com',
      metadata: { service: 'generativelanguage.googleapis.com' },
    },
    {
      '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
      locale: 'en-US',
      message: apiKeyInvalidMessage,
    },
  ]);
}

/** The answer to a request without any key. */
export function credentialsMissing(): GeminiErrorAnswer {
  return geminiError(
    403,
    'PERMISSION_DENIED',
    "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
  );
}

/** The recorded 404 for a model the API does not have. */
export function modelNotFound(model: string): GeminiErrorAnswer {
  return geminiError(
    404,
    'NOT_FOUND',
    `models/${model} is not found for API version v1beta, or is not supported for generateContent. Call ModelService.ListModels to see the list of available models and their supported methods.`,
  );
}

const rateLimitHelp = {
  '@type': 'type.googleapis.com/google.rpc.Help',
  links: [
    {
      description: 'Learn more about Gemini API quotas',
      url: 'https://ai.google.dev/gemini-api/docs/rate-limits',
    },
  ],
};

const quotaPreamble =
  'You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/rate-limit. ';

/** Gemini's protobuf duration text for seconds: `48s`, `1.5s`. */
export function retryDelay(seconds: number): string {
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(3))}s`;
}

function resourceExhausted(
  model: string,
  violation: { metric: string; quotaId: string; limit: string },
  error: ScriptedError,
): GeminiErrorAnswer {
  const retryHint =
    error.retryAfter === undefined ? '' : `\nPlease retry in ${retryDelay(error.retryAfter)}.`;
  const message =
    error.message ??
    `${quotaPreamble}\n* Quota exceeded for metric: ${violation.metric}, limit: ${violation.limit}, model: ${model}${retryHint}`;
  const details: Record<string, unknown>[] = [
    rateLimitHelp,
    {
      '@type': 'type.googleapis.com/google.rpc.QuotaFailure',
      violations: [
        {
          quotaMetric: violation.metric,
          quotaId: violation.quotaId,
          quotaDimensions: { model, location: 'global' },
          quotaValue: violation.limit,
        },
      ],
    },
  ];
  if (error.retryAfter !== undefined) {
    details.push({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: retryDelay(error.retryAfter),
    });
  }
  return geminiError(429, 'RESOURCE_EXHAUSTED', message, details);
}

const defaultMessages: Record<ScriptedErrorKind, string> = {
  auth: apiKeyInvalidMessage,
  permission: 'The caller does not have permission',
  not_found: '',
  invalid_request: 'Request contains an invalid argument.',
  context_length:
    'The input token count (1250000) exceeds the maximum number of tokens allowed (1048576).',
  rate_limit: '',
  quota: '',
  server:
    'An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting',
  overloaded: 'The model is overloaded. Please try again later.',
  unavailable: 'The service is currently unavailable.',
  timeout: 'Deadline expired before operation could complete.',
};

/** Renders a scripted error kind with Gemini's real status and body. */
export function scriptedError(error: ScriptedError, model: string): GeminiErrorAnswer {
  const message = error.message ?? defaultMessages[error.kind];
  switch (error.kind) {
    case 'auth':
      return apiKeyInvalid();
    case 'permission':
      return geminiError(403, 'PERMISSION_DENIED', message);
    case 'not_found':
      return error.message === undefined
        ? modelNotFound(model)
        : geminiError(404, 'NOT_FOUND', error.message);
    case 'invalid_request':
    case 'context_length':
      return invalidArgument(message);
    case 'rate_limit':
      return resourceExhausted(
        model,
        {
          metric: 'generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count',
          quotaId: 'GenerateContentPaidTierInputTokensPerModelPerMinute',
          limit: '1000000',
        },
        error,
      );
    case 'quota':
      return resourceExhausted(
        model,
        {
          metric: 'generativelanguage.googleapis.com/generate_content_free_tier_requests',
          quotaId: 'GenerateRequestsPerDayPerProjectPerModel-FreeTier',
          limit: '250',
        },
        error,
      );
    case 'server':
      return geminiError(500, 'INTERNAL', message);
    case 'overloaded':
    case 'unavailable':
      return geminiError(503, 'UNAVAILABLE', message);
    case 'timeout':
      return geminiError(504, 'DEADLINE_EXCEEDED', message);
  }
}

/** The error object Gemini writes as a `data:` event when a stream fails after it started. */
export function streamErrorBody(kind: 'overloaded' | 'server' | 'quota', model: string) {
  return scriptedError({ kind }, model).body;
}

/** Sends an error answer as the API does: pretty-printed JSON with a trailing newline. */
export function sendGeminiError(response: ServerResponse, answer: GeminiErrorAnswer): void {
  const text = `${JSON.stringify(answer.body, null, 2)}\n`;
  response.writeHead(answer.status, answer.statusText, {
    ...GOOGLE_JSON_HEADERS,
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}
