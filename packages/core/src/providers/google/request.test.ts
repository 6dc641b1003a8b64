import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../adapter/definition.js';
import { APIError } from '../../errors/index.js';
import type { ChatRequest, GoogleConfig, Message } from '../../spec/index.js';
import { buildGeminiRequest, FOREIGN_CALL_SIGNATURE } from './request.js';
import type { GeminiRequestBody } from './wire.js';

const config: GoogleConfig = { provider: 'google', apiKey: 'AIzaTestKeyForUnitTests000000000' };

function build(request: Partial<ChatRequest>, stream = false, extra: Partial<GoogleConfig> = {}) {
  const full: ChatRequest = { model: 'gemini-2.5-flash', messages: [], ...request };
  const context: CallContext<GoogleConfig> = {
    config: { ...config, ...extra },
    providerName: 'google',
    request: full,
    responseHeaders: new Headers(),
  };
  const wire = buildGeminiRequest(full, context, stream);
  return { path: wire.path, body: wire.body as GeminiRequestBody, headers: wire.headers };
}

function buildError(request: Partial<ChatRequest>): APIError {
  try {
    build(request);
  } catch (error) {
    if (APIError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an APIError');
}

const weatherCall = (id: string, city: string, signature?: string) => ({
  id,
  type: 'function' as const,
  function: { name: 'weather', arguments: JSON.stringify({ city }) },
  ...(signature ? { signature, signatureSource: 'google' } : {}),
});

describe('Gemini request mapping', () => {
  it('builds the generateContent path with the API version, and the SSE stream path', () => {
    expect(build({ messages: [{ role: 'user', content: 'Hi' }] }).path).toBe(
      '/v1beta/models/gemini-2.5-flash:generateContent',
    );
    expect(
      build({ model: 'models/gemini-2.5-pro', messages: [{ role: 'user', content: 'Hi' }] }, true, {
        apiVersion: 'v1',
      }).path,
    ).toBe('/v1/models/gemini-2.5-pro:streamGenerateContent?alt=sse');
  });

  it('never puts the key in the path or the body', () => {
    const wire = build({ messages: [{ role: 'user', content: 'Hi' }] });
    expect(`${wire.path}${JSON.stringify(wire.body)}`).not.toContain(config.apiKey);
  });

  it('maps system messages to systemInstruction and roles to user/model', () => {
    const { body } = build({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: [{ type: 'text', text: 'Again' }] },
      ],
      temperature: 0.2,
      topP: 0.9,
      maxTokens: 100,
      stop: ['END'],
      responseFormat: { type: 'json_object' },
    });
    expect(body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Hi' }] },
        { role: 'model', parts: [{ text: 'Hello!' }] },
        { role: 'user', parts: [{ text: 'Again' }] },
      ],
      generationConfig: {
        temperature: 0.2,
        topP: 0.9,
        maxOutputTokens: 100,
        stopSequences: ['END'],
        responseMimeType: 'application/json',
      },
      systemInstruction: { parts: [{ text: 'Be brief.' }] },
    });
  });

  it('maps tool calls to functionCall parts and merges consecutive tool results into one turn', () => {
    const messages: Message[] = [
      { role: 'user', content: 'Weather in Berlin and Paris?' },
      {
        role: 'assistant',
        content: null,
        toolCalls: [
          weatherCall('call_1', 'Berlin', 'SIG'),
          { ...weatherCall('call_2', 'Paris'), function: { name: 'time', arguments: '{}' } },
        ],
      },
      { role: 'tool', toolCallId: 'call_2', content: '"10:00"' },
      { role: 'tool', toolCallId: 'call_1', content: 'sunny', isError: false },
      { role: 'user', content: 'Thanks' },
    ];
    expect(build({ messages }).body.contents).toEqual([
      { role: 'user', parts: [{ text: 'Weather in Berlin and Paris?' }] },
      {
        role: 'model',
        parts: [
          { functionCall: { name: 'weather', args: { city: 'Berlin' } }, thoughtSignature: 'SIG' },
          { functionCall: { name: 'time', args: {} } },
        ],
      },
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'time', response: { result: '10:00' } } },
          { functionResponse: { name: 'weather', response: { result: 'sunny' } } },
        ],
      },
      { role: 'user', parts: [{ text: 'Thanks' }] },
    ]);
  });

  it('sends failed tool results as an error response', () => {
    const messages: Message[] = [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, toolCalls: [weatherCall('call_1', 'Berlin', 'SIG')] },
      { role: 'tool', toolCallId: 'call_1', content: '{"message":"down"}', isError: true },
    ];
    expect(build({ messages }).body.contents[2]).toEqual({
      role: 'user',
      parts: [{ functionResponse: { name: 'weather', response: { error: { message: 'down' } } } }],
    });
  });

  it("marks calls that came from another vendor with Google's documented bypass signature", () => {
    const messages: Message[] = [
      { role: 'user', content: 'Weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        toolCalls: [
          {
            ...weatherCall('toolu_1', 'Berlin'),
            signature: 'anthropic-sig',
            signatureSource: 'anthropic',
          },
          weatherCall('toolu_2', 'Paris'),
        ],
        reasoningDetails: [
          { type: 'text', text: 'Hmm', signature: 'claude-signature', source: 'anthropic' },
        ],
      },
      { role: 'tool', toolCallId: 'toolu_1', content: 'sunny' },
      { role: 'tool', toolCallId: 'toolu_2', content: 'rain' },
    ];
    expect(build({ messages }).body.contents[1]).toEqual({
      role: 'model',
      parts: [
        { text: 'Checking.' },
        {
          functionCall: { name: 'weather', args: { city: 'Berlin' } },
          thoughtSignature: FOREIGN_CALL_SIGNATURE,
        },
        { functionCall: { name: 'weather', args: { city: 'Paris' } } },
      ],
    });
  });

  it('replays a Google text signature on the text part it came with', () => {
    const messages: Message[] = [
      { role: 'user', content: 'Hi' },
      {
        role: 'assistant',
        content: 'Hello',
        reasoning: 'Greeting.',
        reasoningDetails: [
          { type: 'text', text: 'Greeting.', signature: 'TEXT-SIG', source: 'google' },
        ],
      },
      { role: 'user', content: 'Bye' },
    ];
    expect(build({ messages }).body.contents[1]).toEqual({
      role: 'model',
      parts: [{ text: 'Hello', thoughtSignature: 'TEXT-SIG' }],
    });
  });

  it('maps reasoning options to thinkingConfig', () => {
    const messages: Message[] = [{ role: 'user', content: 'Hi' }];
    expect(build({ messages, reasoning: { budgetTokens: 2048 } }).body.generationConfig).toEqual({
      thinkingConfig: { thinkingBudget: 2048, includeThoughts: true },
    });
    expect(
      build({ messages, reasoning: { effort: 'low', includeReasoning: false } }).body
        .generationConfig,
    ).toEqual({
      thinkingConfig: { thinkingBudget: 1024, includeThoughts: false },
    });
  });

  it('maps tools and tool choice', () => {
    const { body } = build({
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'weather',
            description: 'Weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
              additionalProperties: false,
            },
          },
        },
      ],
      toolChoice: { type: 'function', function: { name: 'weather' } },
    });
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: 'weather',
            description: 'Weather',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
          },
        ],
      },
    ]);
    expect(body.toolConfig).toEqual({
      functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['weather'] },
    });
  });

  it('maps base64 and data-URL images to inlineData and https/gs URLs to fileData', () => {
    const { body } = build({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', data: 'iVBORw0K', mimeType: 'image/png' } },
            { type: 'image', source: { type: 'url', url: 'data:image/jpeg;base64,/9j/4AAQ' } },
            {
              type: 'image',
              source: { type: 'url', url: 'https://example.com/cat.JPG?size=large' },
            },
            { type: 'image', source: { type: 'url', url: 'gs://bucket/dog.webp' } },
          ],
        },
      ],
    });
    expect(body.contents[0]?.parts).toEqual([
      { inlineData: { mimeType: 'image/png', data: 'iVBORw0K' } },
      { inlineData: { mimeType: 'image/jpeg', data: '/9j/4AAQ' } },
      { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.JPG?size=large' } },
      { fileData: { mimeType: 'image/webp', fileUri: 'gs://bucket/dog.webp' } },
    ]);
  });

  it('rejects what Gemini cannot take with a typed invalid_request error', () => {
    const image = (url: string): Message => ({
      role: 'user',
      content: [{ type: 'image', source: { type: 'url', url } }],
    });
    expect(buildError({ messages: [image('https://example.com/picture')] })).toMatchObject({
      type: 'invalid_request',
      code: 'unknown_image_type',
    });
    expect(buildError({ messages: [image('http://example.com/a.png')] }).code).toBe(
      'unsupported_image_url',
    );
    expect(
      buildError({
        messages: [
          { role: 'user', content: 'Hi' },
          {
            role: 'assistant',
            content: null,
            toolCalls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }],
          },
        ],
      }),
    ).toMatchObject({ type: 'invalid_request', code: 'invalid_tool_arguments' });
    expect(
      buildError({
        messages: [
          { role: 'user', content: 'Hi' },
          { role: 'tool', toolCallId: 'nope', content: 'x' },
        ],
      }),
    ).toMatchObject({ type: 'invalid_request', code: 'unknown_tool_call_id' });
    expect(
      buildError({ messages: [{ role: 'system', content: 'Only a system prompt' }] }).code,
    ).toBe('missing_messages');
  });
});
