import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import {
  type Simulator,
  startAnthropicSimulator,
  startGeminiSimulator,
  startOpenAISimulator,
} from '@thinkbackcode/testing';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_ADMIN_TOKEN } from '../../test/helpers/gateway.js';
import { defaultServerConfig } from '../config/server-config.js';
import { type RunningServer, startServer } from '../start-server.js';
import type { UsageRecord } from '../storage/usage-store.js';

let openaiSimulator: Simulator;
let anthropicSimulator: Simulator;
let geminiSimulator: Simulator;
let running: RunningServer;

const weatherTool = {
  name: 'get_weather',
  description: 'Weather for a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};
const toolTurn = { toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] };
const usage = { inputTokens: 11, outputTokens: 7, cachedTokens: 3, reasoningTokens: 2 };

beforeAll(async () => {
  openaiSimulator = await startOpenAISimulator();
  anthropicSimulator = await startAnthropicSimulator();
  geminiSimulator = await startGeminiSimulator();
  running = await startServer({
    config: {
      ...defaultServerConfig(),
      port: 0,
      dataDir: ':memory:',
      adminToken: TEST_ADMIN_TOKEN,
      logRequests: false,
      upstreams: {
        openai: openaiSimulator.origin,
        anthropic: anthropicSimulator.origin,
        google: geminiSimulator.origin,
      },
    },
  });
});

afterAll(async () => {
  await running.close(100);
  await Promise.all([openaiSimulator.close(), anthropicSimulator.close(), geminiSimulator.close()]);
});

beforeEach(() => {
  openaiSimulator.reset();
  anthropicSimulator.reset();
  geminiSimulator.reset();
});

async function lastRows(count: number): Promise<UsageRecord[]> {
  // Stream completion is recorded when the body ends; give the server a tick to see it.
  await new Promise((resolve) => setTimeout(resolve, 30));
  running.gateway.context.usageRecorder.flush();
  return running.gateway.context.usageStore
    .query({ from: 0, to: Number.MAX_SAFE_INTEGER })
    .slice(-count);
}

describe('official SDKs through the proxy routes', () => {
  it('openai: chat, streaming and tool calls; usage rows equal the reported usage', async () => {
    const client = new OpenAI({
      apiKey: openaiSimulator.apiKey,
      baseURL: `${running.url}/api/proxy/openai/v1`,
      maxRetries: 0,
    });
    openaiSimulator.enqueue(
      { text: 'Hello there', usage },
      { text: 'Streamed answer', usage },
      toolTurn,
    );
    const completion = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Hello there');
    const stream = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let streamedUsage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) streamedUsage = chunk.usage;
    }
    expect(text).toBe('Streamed answer');
    const tools = await client.chat.completions.create({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'weather?' }],
      tools: [{ type: 'function', function: weatherTool }],
    });
    const call = tools.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Paris',
    });

    const rows = await lastRows(3);
    for (const [row, reported] of [
      [rows[0], completion.usage],
      [rows[1], streamedUsage],
    ] as const) {
      expect(row).toMatchObject({
        route: 'proxy:openai',
        status: 200,
        promptTokens: reported?.prompt_tokens,
        completionTokens: reported?.completion_tokens,
        cachedTokens: reported?.prompt_tokens_details?.cached_tokens,
        reasoningTokens: reported?.completion_tokens_details?.reasoning_tokens,
      });
      expect(row?.promptTokens).toBeGreaterThan(0);
    }
    expect(rows[2]?.completionTokens).toBe(tools.usage?.completion_tokens);
  });

  it('anthropic: chat, streaming and tool use; usage rows equal the reported usage', async () => {
    const client = new Anthropic({
      apiKey: anthropicSimulator.apiKey,
      baseURL: `${running.url}/api/proxy/anthropic`,
      maxRetries: 0,
    });
    anthropicSimulator.enqueue(
      { text: 'Hello there', usage },
      { text: 'Streamed answer', usage },
      toolTurn,
    );
    const message = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(message.content[0]?.type === 'text' && message.content[0].text).toBe('Hello there');
    const streamed = await client.messages
      .stream({
        model: 'claude-haiku-4-5',
        max_tokens: 100,
        messages: [{ role: 'user', content: 'hi' }],
      })
      .finalMessage();
    expect(streamed.content[0]?.type === 'text' && streamed.content[0].text).toBe(
      'Streamed answer',
    );
    const tools = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'weather?' }],
      tools: [
        {
          name: weatherTool.name,
          description: weatherTool.description,
          input_schema: weatherTool.parameters as Anthropic.Tool.InputSchema,
        },
      ],
    });
    const toolUse = tools.content.find((block) => block.type === 'tool_use');
    expect(toolUse?.type === 'tool_use' && toolUse.input).toEqual({ city: 'Paris' });

    const rows = await lastRows(3);
    for (const [row, reported] of [
      [rows[0], message.usage],
      [rows[1], streamed.usage],
    ] as const) {
      const prompt =
        reported.input_tokens +
        (reported.cache_read_input_tokens ?? 0) +
        (reported.cache_creation_input_tokens ?? 0);
      expect(row).toMatchObject({
        route: 'proxy:anthropic',
        promptTokens: prompt,
        completionTokens: reported.output_tokens,
        cachedTokens: reported.cache_read_input_tokens ?? 0,
      });
      expect(prompt).toBeGreaterThan(0);
    }
  });

  it('google: chat, streaming and function calls; usage rows equal the reported usage', async () => {
    const client = new GoogleGenAI({
      apiKey: geminiSimulator.apiKey,
      httpOptions: { baseUrl: `${running.url}/api/proxy/google` },
    });
    geminiSimulator.enqueue(
      { text: 'Hello there', usage },
      { text: 'Streamed answer', usage },
      toolTurn,
    );
    const response = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'hi',
    });
    expect(response.text).toBe('Hello there');
    let text = '';
    let streamedUsage: typeof response.usageMetadata;
    for await (const chunk of await client.models.generateContentStream({
      model: 'gemini-2.5-flash',
      contents: 'hi',
    })) {
      text += chunk.text ?? '';
      if (chunk.usageMetadata) streamedUsage = chunk.usageMetadata;
    }
    expect(text).toBe('Streamed answer');
    const tools = await client.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: 'weather?',
      config: {
        tools: [
          {
            functionDeclarations: [
              { name: weatherTool.name, parametersJsonSchema: weatherTool.parameters },
            ],
          },
        ],
      },
    });
    expect(tools.functionCalls?.[0]?.args).toEqual({ city: 'Paris' });

    const rows = await lastRows(3);
    for (const [row, reported] of [
      [rows[0], response.usageMetadata],
      [rows[1], streamedUsage],
    ] as const) {
      expect(row).toMatchObject({
        route: 'proxy:google',
        model: 'gemini-2.5-flash',
        promptTokens: reported?.promptTokenCount,
        completionTokens:
          (reported?.candidatesTokenCount ?? 0) + (reported?.thoughtsTokenCount ?? 0),
        reasoningTokens: reported?.thoughtsTokenCount ?? 0,
      });
    }
  });

  it('records vendor errors once, with the error type', async () => {
    const client = new OpenAI({
      apiKey: 'sk-wrong-key-000000000000',
      baseURL: `${running.url}/api/proxy/openai/v1`,
      maxRetries: 0,
    });
    await expect(
      client.chat.completions.create({
        model: 'gpt-4.1-mini',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ status: 401 });
    const [row] = await lastRows(1);
    expect(row).toMatchObject({ status: 401, errorType: 'auth_failed', promptTokens: 0 });
    expect(JSON.stringify(row)).not.toContain('sk-wrong-key');
  });
});

describe('the unified /v1 endpoint with the openai SDK', () => {
  it('serves chat, streaming and tool calls through an Anthropic provider config', async () => {
    const context = running.gateway.context;
    await context.configStorage.saveProviderConfig({
      provider: 'anthropic',
      id: 'claude',
      apiKey: anthropicSimulator.apiKey,
      baseUrl: anthropicSimulator.baseUrl,
    });
    const { key } = context.gatewayKeys.create({ name: 'sdk' });
    const client = new OpenAI({ apiKey: key, baseURL: `${running.url}/v1`, maxRetries: 0 });
    anthropicSimulator.enqueue(
      { text: 'Unified hello', usage },
      { text: 'Unified stream', usage },
      toolTurn,
    );

    const completion = await client.chat.completions.create({
      model: 'claude/claude-haiku-4-5',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(completion.choices[0]?.message.content).toBe('Unified hello');
    expect(completion.model).toBe('claude/claude-haiku-4-5');

    const stream = await client.chat.completions.create({
      model: 'claude/claude-haiku-4-5',
      messages: [{ role: 'user', content: 'hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let streamedUsage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) streamedUsage = chunk.usage;
    }
    expect(text).toBe('Unified stream');

    const tools = await client.chat.completions.create({
      model: 'claude/claude-haiku-4-5',
      messages: [{ role: 'user', content: 'weather?' }],
      tools: [{ type: 'function', function: weatherTool }],
    });
    const call = tools.choices[0]?.message.tool_calls?.[0];
    expect(tools.choices[0]?.finish_reason).toBe('tool_calls');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      city: 'Paris',
    });

    // The Anthropic request carried the server-held key, never the gateway key.
    expect(
      anthropicSimulator.requests.every(
        (request) => request.headers['x-api-key'] === anthropicSimulator.apiKey,
      ),
    ).toBe(true);
    const rows = await lastRows(3);
    expect(rows[0]).toMatchObject({
      route: 'v1:chat',
      provider: 'claude',
      model: 'claude-haiku-4-5',
      promptTokens: completion.usage?.prompt_tokens,
      completionTokens: completion.usage?.completion_tokens,
    });
    expect(rows[1]).toMatchObject({
      promptTokens: streamedUsage?.prompt_tokens,
      completionTokens: streamedUsage?.completion_tokens,
    });

    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toContain('claude/claude-haiku-4-5');
    await expect(
      new OpenAI({
        apiKey: 'tbc_invalid0000000',
        baseURL: `${running.url}/v1`,
        maxRetries: 0,
      }).chat.completions.create({
        model: 'claude/claude-haiku-4-5',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
