import { toAssistantMessage } from '../conversation/assistant-message.js';
import type {
  AIProvider,
  ChatRequest,
  ChatResponse,
  Message,
  RequestOptions,
  ToolExecutionContext,
  ToolResult,
} from '../spec/index.js';

/** Options of `runToolLoop`. */
export interface ToolLoopOptions {
  provider: AIProvider;
  request: ChatRequest;
  /** Handlers (and the tools, for validation; defaults to `request.tools`). */
  context: ToolExecutionContext;
  /** Maximum model calls (default 8). */
  maxSteps?: number;
  /** Called after each tool result. */
  onToolResult?: (result: ToolResult) => void;
  requestOptions?: RequestOptions;
}

/** What the loop did. */
export interface ToolLoopResult {
  /** The last model response. */
  response: ChatResponse;
  /** The whole conversation, including tool calls and results. */
  messages: Message[];
  /** Model calls made. */
  steps: number;
  /** True when the loop stopped because of `maxSteps` while the model still wanted tools. */
  stepLimitReached: boolean;
}

/**
 * Runs the model ↔ tools loop: call the model, run every tool call it makes (in parallel),
 * send the results back, until the model stops calling tools or `maxSteps` is reached.
 */
export async function runToolLoop(options: ToolLoopOptions): Promise<ToolLoopResult> {
  const maxSteps = options.maxSteps ?? 8;
  const messages = [...options.request.messages];
  const context: ToolExecutionContext = {
    ...options.context,
    ...((options.context.tools ?? options.request.tools)
      ? { tools: options.context.tools ?? options.request.tools ?? [] }
      : {}),
    ...(options.request.signal && !options.context.signal
      ? { signal: options.request.signal }
      : {}),
  };
  for (let step = 1; ; step++) {
    const response = await options.provider.createChatCompletion(
      { ...options.request, messages },
      options.requestOptions,
    );
    const message = response.choices[0]?.message;
    if (message === undefined) return { response, messages, steps: step, stepLimitReached: false };
    const assistant = toAssistantMessage(message);
    messages.push(assistant);
    const calls = message.toolCalls ?? [];
    if (calls.length === 0) return { response, messages, steps: step, stepLimitReached: false };
    if (step >= maxSteps) return { response, messages, steps: step, stepLimitReached: true };
    const results = await Promise.all(
      calls.map((call) => options.provider.executeToolCall(call, context)),
    );
    for (const result of results) {
      options.onToolResult?.(result);
      messages.push({
        role: 'tool',
        toolCallId: result.toolCallId,
        content: result.content,
        ...(result.isError ? { isError: true } : {}),
      });
    }
  }
}
