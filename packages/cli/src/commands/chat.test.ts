import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Simulator,
  startAnthropicSimulator,
  startOpenAISimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, findSecret, runCli, temporaryDataDir } from '../__fixtures__/cli-harness.js';

const PASSWORD = 'chat vault password';
const OPENAI_KEY = 'sk-proj-CLICHAT-openai-6c2e9a1f4b7d';
const ANTHROPIC_KEY = 'sk-ant-api03-CLICHAT-anthropic-3b8d0e5f2a';
const WRONG_KEY = 'sk-CLICHAT-wrong-key-8e1f0a9b3c';

interface RequestBody {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_call_id?: string }>;
  tools?: Array<{ function: { name: string } }>;
}

describe('thinkbackcode chat (real binary against the simulators)', () => {
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  let openai: Simulator;
  let anthropic: Simulator;
  let toolsFile: string;
  const outputs: string[] = [];
  const run = async (args: string[], input?: string) => {
    const result = await runCli(args, {
      env: { THINKBACKCODE_DATA_DIR: data.dataDir, THINKBACKCODE_VAULT_PASSWORD: PASSWORD },
      ...(input === undefined ? {} : { input }),
    });
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const lastBody = (simulator: Simulator, back = 1) =>
    simulator.requests.at(-back)?.body as RequestBody;
  const openaiArgs = () => [
    '--provider',
    'openai',
    '--base-url',
    openai.baseUrl,
    '--model',
    'gpt-4.1-mini',
  ];

  beforeAll(async () => {
    await buildCli();
    data = await temporaryDataDir();
    openai = await startOpenAISimulator({ apiKey: OPENAI_KEY });
    anthropic = await startAnthropicSimulator({ apiKey: ANTHROPIC_KEY });
    toolsFile = join(data.dir, 'tools.json');
    await writeFile(
      toolsFile,
      JSON.stringify([
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'Weather in a city',
            parameters: {
              type: 'object',
              properties: { city: { type: 'string' } },
              required: ['city'],
            },
          },
        },
      ]),
    );
    for (const [provider, key] of [
      ['openai', OPENAI_KEY],
      ['anthropic', ANTHROPIC_KEY],
      ['custom', WRONG_KEY],
    ]) {
      const added = await run(['keys', 'add', provider as string, '--stdin'], `${key}\n`);
      expect(added.code).toBe(0);
    }
  });
  afterAll(async () => {
    await Promise.all([openai?.close(), anthropic?.close(), data?.remove()]);
  });

  it('streams one answer with the key from the vault', async () => {
    openai.enqueue({
      text: 'Paris is the capital of France.',
      usage: { inputTokens: 12, outputTokens: 7 },
    });
    const result = await run(['chat', 'Capital of France?', ...openaiArgs()]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Paris is the capital of France.\n');
    expect(result.stderr).toContain('12 tokens in, 7 out');
    expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    expect(lastBody(openai)).toMatchObject({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'Capital of France?' }],
    });
  });

  it('shows a tool call the model makes, with its arguments', async () => {
    openai.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }] });
    const result = await run(['chat', 'Weather in Paris?', ...openaiArgs(), '--tools', toolsFile]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tool call get_weather({"city":"Paris"})');
    expect(lastBody(openai).tools?.map((tool) => tool.function.name)).toEqual(['get_weather']);
  });

  it('prints the accumulated ChatResponse with --json', async () => {
    openai.enqueue({ text: 'Forty-two.', usage: { inputTokens: 5, outputTokens: 3 } });
    const result = await run([
      'chat',
      'Answer?',
      ...openaiArgs(),
      '--json',
      '--system',
      'Be brief.',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      model: 'gpt-4.1-mini',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Forty-two.' }, finishReason: 'stop' },
      ],
      usage: { promptTokens: 5, completionTokens: 3, totalTokens: 8 },
    });
    expect(lastBody(openai).messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('keeps the history in an interactive session until end of input', async () => {
    openai.enqueue({ text: 'First answer.' }, { text: 'Second answer.' });
    const result = await run(['chat', ...openaiArgs()], 'first question\nsecond question\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('First answer.\n');
    expect(result.stdout).toContain('Second answer.\n');
    expect(lastBody(openai).messages.map((message) => [message.role, message.content])).toEqual([
      ['user', 'first question'],
      ['assistant', 'First answer.'],
      ['user', 'second question'],
    ]);
  });

  it('asks for tool results in a session and sends them back to the model', async () => {
    openai.enqueue(
      { toolCalls: [{ id: 'call_weather', name: 'get_weather', arguments: { city: 'Oslo' } }] },
      { text: 'It is sunny in Oslo.' },
    );
    const result = await run(
      ['chat', ...openaiArgs(), '--tools', toolsFile],
      'Weather in Oslo?\nsunny, 21 C\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tool call get_weather({"city":"Oslo"})');
    expect(result.stdout).toContain('It is sunny in Oslo.');
    const messages = lastBody(openai).messages;
    expect(messages.at(-1)).toMatchObject({
      role: 'tool',
      tool_call_id: 'call_weather',
      content: 'sunny, 21 C',
    });
  });

  it('shows Anthropic reasoning with --show-reasoning', async () => {
    anthropic.enqueue({ reasoning: 'The user wants a number.', text: 'Seven.' });
    const args = [
      '--provider',
      'anthropic',
      '--base-url',
      anthropic.baseUrl,
      '--model',
      'claude-haiku-4-5',
    ];
    const shown = await run([
      'chat',
      'Pick a number',
      ...args,
      '--reasoning',
      'low',
      '--max-tokens',
      '4096',
      '--show-reasoning',
    ]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toBe('The user wants a number.\n\nSeven.\n');
    expect(anthropic.requests.at(-1)?.headers['x-api-key']).toBe(ANTHROPIC_KEY);
    anthropic.enqueue({ reasoning: 'Hidden thoughts.', text: 'Eight.' });
    const hidden = await run([
      'chat',
      'Another',
      ...args,
      '--reasoning',
      'low',
      '--max-tokens',
      '4096',
    ]);
    expect(hidden.stdout).toBe('Eight.\n');
  });

  it('chats with a provider configured by a migration, without --provider', async () => {
    const exportFile = join(data.dir, 'kilo-export.json');
    await writeFile(
      exportFile,
      JSON.stringify({
        providerProfiles: {
          currentApiConfigName: 'Simulated',
          apiConfigs: {
            Simulated: {
              id: 'p1',
              apiProvider: 'openai',
              openAiBaseUrl: openai.baseUrl,
              openAiApiKey: OPENAI_KEY,
              openAiModelId: 'gpt-4.1-mini',
            },
          },
        },
      }),
    );
    expect((await run(['migrate', 'kilocode', exportFile, '--apply'])).code).toBe(0);
    openai.enqueue({ text: 'Configured answer.' });
    const result = await run(['chat', 'Hello']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Configured answer.\n');
    expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
  });

  it('fails with exit code 1 and a clean message when the vendor refuses the key', async () => {
    const result = await run([
      'chat',
      'Hi',
      '--provider',
      'custom',
      '--base-url',
      openai.baseUrl,
      '--model',
      'gpt-4.1-mini',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: .+/);
    expect(openai.requests.at(-1)?.headers.authorization).toBe(`Bearer ${WRONG_KEY}`);
  });

  it('treats an unknown provider or a missing model as a usage error (exit code 2)', async () => {
    const unknown = await run(['chat', 'Hi', '--provider', 'nonsense']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown provider "nonsense"');
    const noModel = await run(['chat', 'Hi', '--provider', 'openai', '--base-url', openai.baseUrl]);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('--model');
  });

  it('never prints a key', async () => {
    for (const key of [OPENAI_KEY, ANTHROPIC_KEY, WRONG_KEY]) {
      expect(await findSecret(key, outputs, data.dataDir), key).toEqual([]);
    }
  });
});
