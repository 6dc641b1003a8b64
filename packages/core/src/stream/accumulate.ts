import type {
  ChatChoice,
  ChatChunk,
  ChatResponse,
  FinishReason,
  ReasoningDetail,
  ResponseMessage,
  TokenUsage,
  ToolCall,
} from '../spec/index.js';

interface ChoiceState {
  content: string;
  hasContent: boolean;
  reasoning: string;
  reasoningDetails: ReasoningDetail[];
  toolCalls: Map<number, ToolCall>;
  finishReason: FinishReason | undefined;
}

const newChoice = (): ChoiceState => ({
  content: '',
  hasContent: false,
  reasoning: '',
  reasoningDetails: [],
  toolCalls: new Map(),
  finishReason: undefined,
});

/**
 * Accumulates streamed chunks into the `ChatResponse` the same call without streaming returns.
 * Feed chunks with `add`, then call `toResponse`.
 */
export class ChatStreamAccumulator {
  private id = '';
  private model = '';
  private usage: TokenUsage | undefined;
  private readonly choices = new Map<number, ChoiceState>();

  add(chunk: ChatChunk): void {
    if (chunk.id) this.id = chunk.id;
    if (chunk.model) this.model = chunk.model;
    if (chunk.usage) this.usage = chunk.usage;
    for (const choice of chunk.choices) {
      let state = this.choices.get(choice.index);
      if (state === undefined) {
        state = newChoice();
        this.choices.set(choice.index, state);
      }
      const delta = choice.delta;
      if (delta.content !== undefined && delta.content !== '') {
        state.content += delta.content;
        state.hasContent = true;
      }
      if (delta.reasoning) state.reasoning += delta.reasoning;
      if (delta.reasoningDetail) state.reasoningDetails.push(delta.reasoningDetail);
      for (const fragment of delta.toolCalls ?? []) {
        let call = state.toolCalls.get(fragment.index);
        if (call === undefined) {
          call = { id: '', type: 'function', function: { name: '', arguments: '' } };
          state.toolCalls.set(fragment.index, call);
        }
        if (fragment.id) call.id = fragment.id;
        if (fragment.function.name) call.function.name += fragment.function.name;
        if (fragment.function.arguments) call.function.arguments += fragment.function.arguments;
        if (fragment.signature) call.signature = fragment.signature;
        if (fragment.signatureSource) call.signatureSource = fragment.signatureSource;
      }
      if (choice.finishReason) state.finishReason = choice.finishReason;
    }
  }

  toResponse(): ChatResponse {
    const choices: ChatChoice[] = [...this.choices.entries()]
      .sort(([left], [right]) => left - right)
      .map(([index, state]) => {
        const message: ResponseMessage = {
          role: 'assistant',
          content: state.hasContent ? state.content : null,
        };
        const toolCalls = [...state.toolCalls.entries()]
          .sort(([left], [right]) => left - right)
          .map(([, call]) => call);
        if (toolCalls.length > 0) message.toolCalls = toolCalls;
        if (state.reasoning !== '') message.reasoning = state.reasoning;
        if (state.reasoningDetails.length > 0) message.reasoningDetails = state.reasoningDetails;
        return {
          index,
          message,
          finishReason: state.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
        };
      });
    return {
      id: this.id,
      model: this.model,
      choices,
      usage: this.usage ?? { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    };
  }
}

/** Reads a whole chunk stream and returns the equivalent non-streaming `ChatResponse`. */
export async function accumulateChatStream(
  stream: AsyncIterable<ChatChunk>,
): Promise<ChatResponse> {
  const accumulator = new ChatStreamAccumulator();
  for await (const chunk of stream) accumulator.add(chunk);
  return accumulator.toResponse();
}
