import type { ChatChunk, ChatResponse, TokenUsage } from '@thinkbackcode/core';

/** Core `TokenUsage` → OpenAI `usage`. */
export function toOpenAIUsage(usage: TokenUsage): Record<string, unknown> {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.totalTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedTokens ?? 0 },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}

/** Core `ChatResponse` → OpenAI `chat.completion` (model named as the caller asked). */
export function toOpenAIResponse(
  response: ChatResponse,
  model: string,
  created: number,
): Record<string, unknown> {
  return {
    id: response.id,
    object: 'chat.completion',
    created,
    model,
    choices: response.choices.map((choice) => {
      const message: Record<string, unknown> = {
        role: 'assistant',
        content: choice.message.content,
      };
      if (choice.message.toolCalls?.length) {
        message.tool_calls = choice.message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: call.function.arguments },
        }));
      }
      if (choice.message.reasoning !== undefined)
        message.reasoning_content = choice.message.reasoning;
      return { index: choice.index, message, logprobs: null, finish_reason: choice.finishReason };
    }),
    usage: toOpenAIUsage(response.usage),
  };
}

/** Core `ChatChunk` → OpenAI `chat.completion.chunk` objects (a usage-only chunk is separate). */
export function toOpenAIChunk(
  chunk: ChatChunk,
  model: string,
  created: number,
): Record<string, unknown> {
  return {
    id: chunk.id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: chunk.choices.map((choice) => {
      const delta: Record<string, unknown> = {};
      if (choice.delta.role) delta.role = choice.delta.role;
      if (choice.delta.content !== undefined) delta.content = choice.delta.content;
      if (choice.delta.reasoning !== undefined) delta.reasoning_content = choice.delta.reasoning;
      if (choice.delta.toolCalls) {
        delta.tool_calls = choice.delta.toolCalls.map((call) => {
          const wire: Record<string, unknown> = {
            index: call.index,
            function: { ...call.function },
          };
          if (call.id !== undefined) wire.id = call.id;
          if (call.type !== undefined) wire.type = call.type;
          return wire;
        });
      }
      return {
        index: choice.index,
        delta,
        logprobs: null,
        finish_reason: choice.finishReason ?? null,
      };
    }),
  };
}
