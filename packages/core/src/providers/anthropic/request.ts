import type { CallContext, WireRequest } from '../../adapter/definition.js';
import type {
  AnthropicConfig,
  ChatRequest,
  ReasoningOptions,
  ToolChoice,
} from '../../spec/index.js';
import { defaultMaxTokens } from './models.js';
import { toAnthropicMessages, toCacheControl, toSystem } from './request-messages.js';
import type {
  AnthropicMessage,
  AnthropicMessagesBody,
  AnthropicTool,
  AnthropicToolChoice,
} from './wire.js';

/** Default `anthropic-version`. */
export const DEFAULT_ANTHROPIC_VERSION = '2023-06-01';

/** Thinking budget per effort (the API's minimum budget is 1024). */
const budgetByEffort = { minimal: 1024, low: 1024, medium: 4096, high: 16_384 } as const;
const MINIMUM_BUDGET = 1024;

/** The thinking budget a request asks for, or undefined when it asks for no reasoning. */
export function thinkingBudget(reasoning: ReasoningOptions | undefined): number | undefined {
  if (reasoning === undefined) return undefined;
  const budget = reasoning.budgetTokens ?? budgetByEffort[reasoning.effort ?? 'medium'];
  return Math.max(MINIMUM_BUDGET, Math.floor(budget));
}

function toTools(request: ChatRequest): AnthropicTool[] | undefined {
  if (!request.tools || request.tools.length === 0) return undefined;
  return request.tools.map((tool) => {
    const wire: AnthropicTool = {
      name: tool.function.name,
      input_schema: { type: 'object', ...tool.function.parameters },
    };
    if (tool.function.description !== undefined) wire.description = tool.function.description;
    const control = toCacheControl(tool.cacheControl);
    if (control !== undefined) wire.cache_control = control;
    return wire;
  });
}

function toToolChoice(
  choice: ToolChoice | undefined,
  parallel: boolean | undefined,
): AnthropicToolChoice | undefined {
  const noParallel = parallel === false ? { disable_parallel_tool_use: true } : {};
  if (choice === undefined) return parallel === false ? { type: 'auto', ...noParallel } : undefined;
  if (choice === 'none') return { type: 'none' };
  if (choice === 'auto') return { type: 'auto', ...noParallel };
  if (choice === 'required') return { type: 'any', ...noParallel };
  return { type: 'tool', name: choice.function.name, ...noParallel };
}

/**
 * With thinking on, the API demands that an assistant tool turn being continued with tool results
 * start with its thinking block. A turn made by another vendor (or with its thinking dropped) has
 * none to give, so thinking is left off for that one request instead of failing it.
 */
function canThink(messages: AnthropicMessage[]): boolean {
  const last = messages[messages.length - 1];
  if (last?.role !== 'user' || !last.content.some((block) => block.type === 'tool_result'))
    return true;
  const first = messages[messages.length - 2]?.content[0];
  return first?.type === 'thinking' || first?.type === 'redacted_thinking';
}

/** ChatRequest → `POST /v1/messages` body. Throws `APIError` (invalid_request) on input the API cannot take. */
export function buildAnthropicRequest(
  request: ChatRequest,
  context: CallContext<AnthropicConfig>,
  stream: boolean,
): WireRequest {
  const messages = toAnthropicMessages(request.messages, context.providerName);
  let maxTokens = request.maxTokens ?? defaultMaxTokens(request.model);
  const body: AnthropicMessagesBody = { model: request.model, max_tokens: maxTokens, messages };
  const system = toSystem(request.messages);
  if (system !== undefined) body.system = system;
  const budget = thinkingBudget(request.reasoning);
  const thinking = budget !== undefined && canThink(messages);
  if (thinking) {
    if (maxTokens <= budget) maxTokens = budget + (request.maxTokens ?? 4096);
    body.max_tokens = maxTokens;
    body.thinking = { type: 'enabled', budget_tokens: budget };
  }
  // API version 2026-10-21 removed the sampling parameters; with thinking, temperature must be
  // unset (or 1) and top_p at least 0.95.
  const version = context.config.anthropicVersion ?? DEFAULT_ANTHROPIC_VERSION;
  const sampling = version < '2026-10-21';
  if (sampling && !thinking && request.temperature !== undefined)
    body.temperature = Math.min(1, request.temperature);
  if (sampling && request.topP !== undefined && (!thinking || request.topP >= 0.95))
    body.top_p = request.topP;
  if (request.stop && request.stop.length > 0) body.stop_sequences = request.stop;
  const tools = toTools(request);
  if (tools) {
    body.tools = tools;
    const choice = toToolChoice(request.toolChoice, request.parallelToolCalls);
    if (choice) body.tool_choice = choice;
  }
  if (request.user !== undefined) body.metadata = { user_id: request.user };
  body.stream = stream;
  return { path: '/v1/messages', body: { ...body, ...request.extraBody } };
}
