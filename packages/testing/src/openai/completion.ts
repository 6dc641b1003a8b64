import type { AnswerPlan } from './plan.js';

/**
 * The non-streaming `chat.completion` body, key for key and in the order of
 * `chat-completion.http.json`: pretty-printed with 2 spaces and a trailing newline.
 */
export function completionBody(plan: AnswerPlan): string {
  const message: Record<string, unknown> = {
    role: 'assistant',
    content: plan.text ?? (plan.toolCalls.length > 0 ? null : ''),
  };
  if (plan.reasoning !== undefined && plan.reasoningField)
    message[plan.reasoningField] = plan.reasoning;
  if (plan.toolCalls.length > 0) {
    message.tool_calls = plan.toolCalls.map((call) => ({
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: call.arguments },
    }));
  }
  message.refusal = null;
  message.annotations = [];
  const body = {
    id: plan.id,
    object: 'chat.completion',
    created: plan.created,
    model: plan.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: plan.finishReason }],
    usage: plan.usage,
    service_tier: 'default',
    system_fingerprint: 'fp_7f8eb7d1f9',
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
