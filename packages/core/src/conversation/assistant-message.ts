import type { ChatResponse, Message, ResponseMessage } from '../spec/index.js';

/**
 * The history entry for an assistant reply: content, tool calls and reasoning (with signatures,
 * so the next request can replay them to the vendor that made them).
 */
export function toAssistantMessage(reply: ResponseMessage | ChatResponse): Message {
  const message = 'choices' in reply ? reply.choices[0]?.message : reply;
  const result: Message = { role: 'assistant', content: message?.content ?? null };
  if (message?.toolCalls) result.toolCalls = message.toolCalls;
  if (message?.reasoning) result.reasoning = message.reasoning;
  if (message?.reasoningDetails) result.reasoningDetails = message.reasoningDetails;
  return result;
}
