import {
  type AIProvider,
  type ChatRequest,
  type ChatResponse,
  createDefaultRegistry,
  type Message,
  toAssistantMessage,
} from '@thinkbackcode/core';
import { rejectUnknownFlags, stringFlag } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { safeErrorMessage } from '../support/errors.js';
import { colors, printJSON, promptLine } from '../terminal.js';
import { readRequestSettings } from './chat-options.js';
import { resolveChatTarget } from './chat-target.js';
import { describeToolCall, streamTurn } from './chat-turn.js';

interface Conversation {
  provider: AIProvider;
  base: Omit<ChatRequest, 'messages'>;
  history: Message[];
}

/**
 * Sends the history, shows the reply, and adds it to the history. Ctrl-C while the answer
 * streams cancels the request (the turn fails with an abort error).
 */
async function takeTurn(
  context: CommandContext,
  conversation: Conversation,
): Promise<ChatResponse> {
  const abort = new AbortController();
  const onInterrupt = () => abort.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const response = await streamTurn(
      context.terminal,
      conversation.provider,
      { ...conversation.base, messages: conversation.history, signal: abort.signal },
      { showReasoning: context.args.flags.has('show-reasoning'), quiet: context.json },
    );
    if (context.json) printJSON(context.terminal, response);
    conversation.history.push(toAssistantMessage(response));
    return response;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/**
 * The interactive session: a prompt per user turn until end of input (Ctrl-D) or `/exit`.
 * When the model calls tools, the user types each result (the CLI runs no tools itself).
 */
async function interactive(context: CommandContext, conversation: Conversation): Promise<number> {
  const paint = colors(context.terminal);
  context.terminal.stderr.write(
    paint.dim(`Chatting with ${conversation.base.model}. End with Ctrl-D or /exit.\n`),
  );
  for (;;) {
    const line = await promptLine(context.terminal, paint.bold('> '));
    if (line === undefined || line.trim() === '/exit') return 0;
    if (line.trim() === '') continue;
    conversation.history.push({ role: 'user', content: line });
    try {
      let response = await takeTurn(context, conversation);
      for (;;) {
        const calls = response.choices[0]?.message.toolCalls ?? [];
        if (calls.length === 0) break;
        for (const call of calls) {
          const result = await promptLine(
            context.terminal,
            `result of ${describeToolCall(call)}> `,
          );
          if (result === undefined) return 0;
          conversation.history.push({
            role: 'tool',
            toolCallId: call.id,
            name: call.function.name,
            content: result,
          });
        }
        response = await takeTurn(context, conversation);
      }
    } catch (error) {
      // One failed turn does not end the session: drop the unanswered user turn and go on.
      while (conversation.history.at(-1)?.role !== 'assistant' && conversation.history.length > 0) {
        conversation.history.pop();
      }
      context.terminal.stderr.write(`${paint.red('error')}: ${safeErrorMessage(error)}\n`);
    }
  }
}

/** `thinkbackcode chat [prompt]`. */
export const chatCommand: Command = {
  name: 'chat',
  summary: 'Chat with a configured provider (one prompt, or an interactive session)',
  valueFlags: [
    'provider',
    'model',
    'base-url',
    'format',
    'label',
    'system',
    'temperature',
    'max-tokens',
    'reasoning',
    'tools',
  ],
  help: `Usage: thinkbackcode chat [prompt] [options]

Sends one prompt and streams the answer, or without a prompt starts an interactive session
(history kept; end with Ctrl-D or /exit). Tool calls the model makes are shown with their
arguments; in a session you type each result. The key comes from the vault (the entry named
like the provider id), else from the gateway's stored config.

Options:
  --provider <id>        A configured provider id (see "migrate"), or a type for an ad-hoc one:
                         openai, anthropic, google, ollama, lmstudio, custom, thinkbackcode.
                         Default: the migrated active profile, or the only configured provider
  --model <id>           Model (default: the provider config's default model)
  --base-url <url>       Endpoint for an ad-hoc provider (or to override a configured one)
  --format <format>      Wire format of --provider custom: openai (default) or anthropic
  --label <name>         Which of the provider's vault keys to use (default: its default key)
  --system <text>        System prompt
  --temperature <n>      Sampling temperature, 0–2
  --max-tokens <n>       Most tokens to generate
  --reasoning <effort>   Ask for reasoning: minimal, low, medium or high
  --show-reasoning       Show the model's reasoning, dimmed
  --tools <file>         JSON array of tools the model may call
  --json                 Print each response (ChatResponse) as JSON instead of streaming text

Examples:
  thinkbackcode chat "Explain SSE in one line" --provider openai --model gpt-4.1-mini
  thinkbackcode chat --provider company-proxy`,
  async run(context) {
    rejectUnknownFlags(context.args, [...(chatCommand.valueFlags ?? []), 'show-reasoning']);
    const settings = await readRequestSettings(context.args);
    const target = await resolveChatTarget(context);
    const provider = await createDefaultRegistry().registerProvider(target.config);
    const system = stringFlag(context.args, 'system');
    const conversation: Conversation = {
      provider,
      base: { ...settings, model: target.model },
      history: system === undefined ? [] : [{ role: 'system', content: system }],
    };
    try {
      const prompt = context.args.positionals.join(' ');
      if (prompt === '') return await interactive(context, conversation);
      conversation.history.push({ role: 'user', content: prompt });
      await takeTurn(context, conversation);
      return 0;
    } finally {
      await provider.disconnect?.();
    }
  },
};
