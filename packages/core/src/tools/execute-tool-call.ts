import type { ToolCall, ToolExecutionContext, ToolResult } from '../spec/index.js';
import { validateAgainstSchema } from './validate-schema.js';

const errorResult = (toolCall: ToolCall, message: string): ToolResult => ({
  toolCallId: toolCall.id,
  name: toolCall.function.name,
  content: JSON.stringify({ error: message }),
  isError: true,
});

const serialise = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value);
};

/**
 * Runs one tool call with the handler registered for its name. Unknown tools, arguments that
 * are not JSON or break the tool's schema, handler failures and aborts all come back as error
 * results for the model, never as exceptions.
 */
export async function executeToolCall(
  toolCall: ToolCall,
  context: ToolExecutionContext,
): Promise<ToolResult> {
  const name = toolCall.function.name;
  const handler = context.handlers[name];
  if (handler === undefined) return errorResult(toolCall, `Unknown tool "${name}"`);
  let args: unknown;
  try {
    args = toolCall.function.arguments.trim() === '' ? {} : JSON.parse(toolCall.function.arguments);
  } catch {
    return errorResult(toolCall, `The arguments of "${name}" are not valid JSON`);
  }
  const tool = context.tools?.find((entry) => entry.function.name === name);
  if (tool !== undefined) {
    const problems = validateAgainstSchema(args, tool.function.parameters);
    if (problems.length > 0)
      return errorResult(toolCall, `Invalid arguments for "${name}": ${problems.join('; ')}`);
  }
  const signal = context.signal;
  if (signal?.aborted) return errorResult(toolCall, 'The tool call was aborted');
  try {
    const running = Promise.resolve(handler(args, { toolCall, signal }));
    const value = signal
      ? await Promise.race([
          running,
          new Promise<never>((_resolve, reject) =>
            signal.addEventListener('abort', () => reject(new Error('The tool call was aborted')), {
              once: true,
            }),
          ),
        ])
      : await running;
    return { toolCallId: toolCall.id, name, content: serialise(value), isError: false };
  } catch (error) {
    return errorResult(toolCall, error instanceof Error ? error.message : String(error));
  }
}
