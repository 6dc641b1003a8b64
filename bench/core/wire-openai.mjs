// Chat Completions SSE bodies, as three servers write them: OpenAI itself (2026 chunk shape with
// `usage:null` and `obfuscation`, see reference/wire/openai/chat-completion.stream-*.sse), LM Studio
// (`reasoning_content`, the role on every delta) and our gateway's `/v1` (server/src/routes/v1-routes.ts).

const sse = (value) => `data: ${JSON.stringify(value)}\n\n`;

/** A short random-looking padding string, as OpenAI's `obfuscation` field. */
const obfuscation = (index) => 'qWeRtYuIoPaSdFgH'.slice(0, 4 + (index % 12));

/**
 * The events of one answer in the OpenAI wire order: reasoning (servers that send it), text,
 * the tool call's head (id, type, name) then its argument fragments, the finish chunk and the usage
 * chunk.
 */
function deltas(script, { reasoningField }) {
  const list = [];
  if (reasoningField) {
    for (const piece of script.reasoning) list.push({ [reasoningField]: piece });
  }
  for (const piece of script.text) list.push({ content: piece });
  const { toolCall } = script;
  list.push({
    tool_calls: [
      {
        index: 0,
        id: toolCall.id,
        type: 'function',
        function: { name: toolCall.name, arguments: '' },
      },
    ],
  });
  for (const piece of toolCall.argumentFragments) {
    list.push({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
  }
  return list;
}

const usageOf = (script) => ({
  prompt_tokens: script.usage.promptTokens,
  completion_tokens: script.usage.completionTokens,
  total_tokens: script.usage.promptTokens + script.usage.completionTokens,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: {
    reasoning_tokens: 0,
    audio_tokens: 0,
    accepted_prediction_tokens: 0,
    rejected_prediction_tokens: 0,
  },
});

/** api.openai.com `/v1/chat/completions` with `stream_options.include_usage` (no reasoning text). */
export function openaiStream(script) {
  const head = {
    id: 'chatcmpl-Cw7WStFqBjUmKH9vLD97AiG6Wdduh',
    object: 'chat.completion.chunk',
    created: 1767967976,
    model: 'gpt-4.1-nano-2025-04-14',
    service_tier: 'default',
    system_fingerprint: 'fp_7f8eb7d1f9',
  };
  const parts = [
    sse({
      ...head,
      choices: [
        {
          index: 0,
          delta: { role: 'assistant', content: '', refusal: null },
          logprobs: null,
          finish_reason: null,
        },
      ],
      usage: null,
      obfuscation: obfuscation(0),
    }),
  ];
  for (const [index, delta] of deltas(script, {}).entries()) {
    const choices = [{ index: 0, delta, logprobs: null, finish_reason: null }];
    // In recorded tool-call chunks `usage:null` comes before `choices`.
    parts.push(
      sse(
        delta.tool_calls
          ? { ...head, usage: null, choices, obfuscation: obfuscation(index) }
          : { ...head, choices, usage: null, obfuscation: obfuscation(index) },
      ),
    );
  }
  parts.push(
    sse({
      ...head,
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
      usage: null,
      obfuscation: obfuscation(1),
    }),
    sse({ ...head, choices: [], usage: usageOf(script), obfuscation: obfuscation(2) }),
    'data: [DONE]\n\n',
  );
  return { framing: 'sse', text: parts.join(''), events: parts.length };
}

/** LM Studio's `/v1/chat/completions`: `reasoning_content` deltas, the role on every delta. */
export function lmstudioStream(script) {
  const head = {
    id: 'chatcmpl-6r1bz8l3c0yq2m0kq9x7tp',
    object: 'chat.completion.chunk',
    created: 1769008929,
    model: 'qwen/qwen3-8b',
    system_fingerprint: 'qwen/qwen3-8b',
  };
  const parts = [];
  for (const delta of deltas(script, { reasoningField: 'reasoning_content' })) {
    parts.push(
      sse({
        ...head,
        choices: [
          { index: 0, delta: { role: 'assistant', ...delta }, logprobs: null, finish_reason: null },
        ],
      }),
    );
  }
  parts.push(
    sse({
      ...head,
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
    }),
    sse({
      ...head,
      choices: [],
      usage: {
        prompt_tokens: script.usage.promptTokens,
        completion_tokens: script.usage.completionTokens,
        total_tokens: script.usage.promptTokens + script.usage.completionTokens,
      },
    }),
    'data: [DONE]\n\n',
  );
  return { framing: 'sse', text: parts.join(''), events: parts.length };
}

/** Our gateway's `/v1/chat/completions` stream (`toOpenAIChunk` plus the usage chunk). */
export function thinkbackcodeStream(script) {
  const head = {
    id: 'msg_011CeCGnM5SAian4ZuswG89b',
    object: 'chat.completion.chunk',
    created: 1769008929,
    model: 'anthropic/claude-haiku-4-5',
  };
  const parts = [];
  for (const [index, delta] of deltas(script, { reasoningField: 'reasoning_content' }).entries()) {
    const wire = index === 0 ? { role: 'assistant', ...delta } : { ...delta };
    if (wire.tool_calls) {
      // The gateway writes `index, function, id, type` and leaves out empty arguments.
      wire.tool_calls = wire.tool_calls.map(({ index: callIndex, id, type, function: fn }) => {
        const call = {
          index: callIndex,
          function: fn.arguments === '' ? { name: fn.name } : { ...fn },
        };
        if (id !== undefined) call.id = id;
        if (type !== undefined) call.type = type;
        return call;
      });
    }
    parts.push(
      sse({ ...head, choices: [{ index: 0, delta: wire, logprobs: null, finish_reason: null }] }),
    );
  }
  parts.push(
    sse({
      ...head,
      choices: [{ index: 0, delta: {}, logprobs: null, finish_reason: 'tool_calls' }],
    }),
    sse({
      id: 'chatcmpl-usage',
      object: 'chat.completion.chunk',
      created: head.created,
      model: head.model,
      choices: [],
      usage: {
        prompt_tokens: script.usage.promptTokens,
        completion_tokens: script.usage.completionTokens,
        total_tokens: script.usage.promptTokens + script.usage.completionTokens,
        prompt_tokens_details: { cached_tokens: 0 },
        completion_tokens_details: { reasoning_tokens: 0 },
      },
    }),
    'data: [DONE]\n\n',
  );
  return { framing: 'sse', text: parts.join(''), events: parts.length };
}
