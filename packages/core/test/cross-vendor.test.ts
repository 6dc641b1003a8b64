import {
  type Simulator,
  startAnthropicSimulator,
  startGeminiSimulator,
  startOpenAISimulator,
} from '@thinkbackcode/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AIProvider,
  accumulateChatStream,
  createDefaultRegistry,
  type Message,
  type Tool,
  type ToolCall,
  toAssistantMessage,
} from '../src/index.js';

const tools: Tool[] = [
  {
    type: 'function',
    function: {
      name: 'lookup',
      description: 'Looks a fact up',
      parameters: {
        type: 'object',
        properties: { topic: { type: 'string' } },
        required: ['topic'],
      },
    },
  },
];

/** Runs the calls of the last assistant turn and appends their results. */
async function answerTools(provider: AIProvider, messages: Message[]): Promise<void> {
  const calls: ToolCall[] = messages.at(-1)?.toolCalls ?? [];
  for (const call of calls) {
    const result = await provider.executeToolCall(call, {
      handlers: {
        lookup: (args) => ({ fact: `facts about ${(args as { topic: string }).topic}` }),
      },
      tools,
    });
    messages.push({ role: 'tool', toolCallId: result.toolCallId, content: result.content });
  }
}

describe('one conversation across vendors', () => {
  let anthropicSimulator: Simulator;
  let openaiSimulator: Simulator;
  let geminiSimulator: Simulator;
  let anthropic: AIProvider;
  let openai: AIProvider;
  let google: AIProvider;

  beforeAll(async () => {
    [anthropicSimulator, openaiSimulator, geminiSimulator] = await Promise.all([
      startAnthropicSimulator(),
      startOpenAISimulator(),
      startGeminiSimulator(),
    ]);
    const registry = createDefaultRegistry();
    anthropic = await registry.registerProvider({
      provider: 'anthropic',
      apiKey: anthropicSimulator.apiKey,
      baseUrl: anthropicSimulator.baseUrl,
    });
    openai = await registry.registerProvider({
      provider: 'openai',
      apiKey: openaiSimulator.apiKey,
      baseUrl: openaiSimulator.baseUrl,
    });
    google = await registry.registerProvider({
      provider: 'google',
      apiKey: geminiSimulator.apiKey,
      baseUrl: geminiSimulator.baseUrl,
    });
  });
  afterAll(() =>
    Promise.all([anthropicSimulator.close(), openaiSimulator.close(), geminiSimulator.close()]),
  );

  it('starts on Anthropic with thinking and tools, continues on OpenAI and Gemini, and comes back', async () => {
    const messages: Message[] = [{ role: 'user', content: 'Tell me about Paris and Rome.' }];
    const reasoning = { budgetTokens: 2048 };

    // 1. Anthropic: thinking, then two parallel tool calls (streamed).
    anthropicSimulator.enqueue({
      reasoning: 'I should look both cities up.',
      toolCalls: [
        { name: 'lookup', arguments: { topic: 'Paris' } },
        { name: 'lookup', arguments: { topic: 'Rome' } },
      ],
    });
    const first = await accumulateChatStream(
      anthropic.createChatCompletionStream({
        model: 'claude-sonnet-4-5',
        messages,
        tools,
        reasoning,
        maxTokens: 8000,
      }),
    );
    const firstMessage = first.choices[0]!.message;
    expect(firstMessage.reasoningDetails?.[0]).toMatchObject({ type: 'text', source: 'anthropic' });
    expect(firstMessage.reasoningDetails?.[0]).toHaveProperty('signature');
    expect(firstMessage.toolCalls).toHaveLength(2);
    messages.push(toAssistantMessage(firstMessage));
    await answerTools(anthropic, messages);

    // 2. OpenAI continues: it must accept Anthropic's tool ids and see no Anthropic signatures.
    openaiSimulator.enqueue({ toolCalls: [{ name: 'lookup', arguments: { topic: 'Colosseum' } }] });
    const second = await openai.createChatCompletion({ model: 'gpt-4.1', messages, tools });
    const sentToOpenAI = openaiSimulator.requests.at(-1)?.rawBody ?? '';
    expect(sentToOpenAI).toContain(firstMessage.toolCalls![0]!.id);
    expect(sentToOpenAI).not.toContain(
      firstMessage.reasoningDetails![0]!.type === 'text'
        ? (firstMessage.reasoningDetails![0] as { signature: string }).signature
        : 'x',
    );
    messages.push(toAssistantMessage(second));
    await answerTools(openai, messages);

    // 3. Gemini 3 continues: foreign calls need Google's documented bypass signature.
    geminiSimulator.enqueue({
      reasoning: 'One more lookup.',
      toolCalls: [{ name: 'lookup', arguments: { topic: 'Trevi Fountain' } }],
    });
    const third = await google.createChatCompletion({
      model: 'gemini-3-flash-preview',
      messages,
      tools,
      reasoning,
    });
    const geminiCall = third.choices[0]!.message.toolCalls![0]!;
    expect(geminiCall).toMatchObject({ signatureSource: 'google' });
    expect(geminiCall.id).toMatch(/^call_[a-z0-9]+$/);
    expect(geminiSimulator.requests.at(-1)?.rawBody).toContain('skip_thought_signature_validator');
    messages.push(toAssistantMessage(third));
    await answerTools(google, messages);

    // 4. Gemini again: its own signature must be replayed verbatim (the simulator verifies it).
    geminiSimulator.enqueue({ toolCalls: [{ name: 'lookup', arguments: { topic: 'Vatican' } }] });
    const fourth = await google.createChatCompletion({
      model: 'gemini-3-flash-preview',
      messages,
      tools,
    });
    expect(geminiSimulator.requests.at(-1)?.rawBody).toContain(geminiCall.signature!);
    messages.push(toAssistantMessage(fourth));
    await answerTools(google, messages);

    // 5. Back to Anthropic with thinking on: its own thinking block is replayed with a valid
    // signature, Gemini's signatures are dropped, every tool_result pairs with a tool_use.
    anthropicSimulator.enqueue({
      reasoning: 'I have everything.',
      text: 'Paris and Rome, summarised.',
    });
    const fifth = await anthropic.createChatCompletion({
      model: 'claude-sonnet-4-5',
      messages,
      tools,
      reasoning,
      maxTokens: 8000,
    });
    expect(fifth.choices[0]!.message.content).toBe('Paris and Rome, summarised.');
    const sentToAnthropic = anthropicSimulator.requests.at(-1)?.rawBody ?? '';
    expect(sentToAnthropic).not.toContain(geminiCall.signature!);
    messages.push(toAssistantMessage(fifth));

    // 6. And the whole history goes back to OpenAI, which takes every vendor's ids.
    messages.push({ role: 'user', content: 'Thanks! One line?' });
    openaiSimulator.enqueue({ text: 'Two capitals, much history.' });
    const sixth = await openai.createChatCompletion({ model: 'gpt-4.1', messages, tools });
    expect(sixth.choices[0]!.message.content).toBe('Two capitals, much history.');
  });

  it('is caught by the vendors when a signature is tampered with', async () => {
    const messages: Message[] = [{ role: 'user', content: 'Look up Oslo.' }];
    anthropicSimulator.enqueue({
      reasoning: 'Look it up.',
      toolCalls: [{ name: 'lookup', arguments: { topic: 'Oslo' } }],
    });
    const first = await anthropic.createChatCompletion({
      model: 'claude-sonnet-4-5',
      messages,
      tools,
      reasoning: { budgetTokens: 2048 },
      maxTokens: 8000,
    });
    const message = first.choices[0]!.message;
    const [detail] = message.reasoningDetails ?? [];
    if (detail?.type !== 'text') throw new Error('expected a thinking block');
    messages.push({
      ...toAssistantMessage(message),
      reasoningDetails: [{ ...detail, text: `${detail.text} (edited)` }],
    });
    await answerTools(anthropic, messages);
    anthropicSimulator.enqueue({ text: 'unused' });
    await expect(
      anthropic.createChatCompletion({
        model: 'claude-sonnet-4-5',
        messages,
        tools,
        reasoning: { budgetTokens: 2048 },
        maxTokens: 8000,
      }),
    ).rejects.toMatchObject({ type: 'invalid_request', status: 400 });
  });
});
