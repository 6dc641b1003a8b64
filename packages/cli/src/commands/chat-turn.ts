import {
  type AIProvider,
  type ChatRequest,
  type ChatResponse,
  ChatStreamAccumulator,
  type ToolCall,
} from '@thinkbackcode/core';
import { colors, type Terminal } from '../terminal.js';

/** How a turn is shown. */
export interface TurnDisplay {
  /** Print reasoning (dimmed) as it streams. */
  showReasoning: boolean;
  /** Print nothing while streaming (the caller prints the response as JSON). */
  quiet: boolean;
}

/** `get_weather({"city":"Paris"})`. */
export const describeToolCall = (call: ToolCall): string =>
  `${call.function.name}(${call.function.arguments})`;

/**
 * Streams one model turn to the terminal: text as it arrives, reasoning dimmed when asked for,
 * then each tool call the model made (name and arguments) and the token usage on stderr.
 * Returns the accumulated response, the same a non-streaming call would return.
 */
export async function streamTurn(
  terminal: Terminal,
  provider: AIProvider,
  request: ChatRequest,
  display: TurnDisplay,
): Promise<ChatResponse> {
  const paint = colors(terminal);
  const accumulator = new ChatStreamAccumulator();
  const write = (text: string) => {
    if (!display.quiet) terminal.stdout.write(text);
  };
  let shown: 'nothing' | 'reasoning' | 'content' = 'nothing';
  for await (const chunk of provider.createChatCompletionStream(request)) {
    accumulator.add(chunk);
    const delta = chunk.choices.find((choice) => choice.index === 0)?.delta;
    if (delta === undefined) continue;
    if (display.showReasoning && delta.reasoning) {
      write(paint.dim(delta.reasoning));
      shown = 'reasoning';
    }
    if (delta.content) {
      if (shown === 'reasoning') write('\n\n');
      write(delta.content);
      shown = 'content';
    }
  }
  const response = accumulator.toResponse();
  if (shown !== 'nothing') write('\n');
  for (const call of response.choices[0]?.message.toolCalls ?? []) {
    write(`${paint.cyan('tool call')} ${describeToolCall(call)}\n`);
  }
  if (!display.quiet) {
    const { promptTokens, completionTokens } = response.usage;
    terminal.stderr.write(
      `${paint.dim(`[${response.model || request.model}: ${promptTokens} tokens in, ${completionTokens} out]`)}\n`,
    );
  }
  return response;
}
