// Native (non-OpenAI) stream bodies: Anthropic Messages SSE (reference/wire/anthropic/
// stream-{thinking,tool-use}.sse), Gemini `streamGenerateContent?alt=sse` with CRLF CRLF separators
// and `"key": value` spacing (reference/wire/gemini/*.sse), Ollama `/api/chat` NDJSON
// (reference/wire/ollama/*.ndjson) and a declarative `custom` endpoint's NDJSON.

/** Anthropic: thinking block (deltas + signature), text block, tool_use block, message_delta. */
export function anthropicStream(script) {
  const parts = [];
  const event = (type, value) => parts.push(`event: ${type}\ndata: ${JSON.stringify(value)}\n\n`);
  const usage = {
    input_tokens: script.usage.promptTokens,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 4,
    service_tier: 'standard',
    inference_geo: 'not_available',
  };
  event('message_start', {
    type: 'message_start',
    message: {
      model: 'claude-haiku-4-5-20251001',
      id: 'msg_011CeCGnM5SAian4ZuswG89b',
      type: 'message',
      role: 'assistant',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      stop_details: null,
      usage,
    },
  });
  const block = (index, start, deltas) => {
    event('content_block_start', { type: 'content_block_start', index, content_block: start });
    if (index === 0) parts.push('event: ping\ndata: {"type": "ping"}\n\n');
    for (const delta of deltas) {
      event('content_block_delta', { type: 'content_block_delta', index, delta });
    }
    event('content_block_stop', { type: 'content_block_stop', index });
  };
  block(0, { type: 'thinking', thinking: '', signature: '' }, [
    ...script.reasoning.map((thinking) => ({ type: 'thinking_delta', thinking })),
    { type: 'signature_delta', signature: 'ErsNCpMBCBAYAipAxGRlBgKF'.repeat(40) },
  ]);
  block(
    1,
    { type: 'text', text: '' },
    script.text.map((text) => ({ type: 'text_delta', text })),
  );
  const { toolCall } = script;
  block(
    2,
    { type: 'tool_use', id: 'toolu_01MKSN7NHsBVKr7Jvw5pqCQq', name: toolCall.name, input: {} },
    ['', ...toolCall.argumentFragments].map((partial_json) => ({
      type: 'input_json_delta',
      partial_json,
    })),
  );
  event('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: 'tool_use', stop_sequence: null, stop_details: null },
    usage: {
      input_tokens: script.usage.promptTokens,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: script.usage.completionTokens,
    },
  });
  event('message_stop', { type: 'message_stop' });
  return { framing: 'sse', text: parts.join(''), events: parts.length };
}

/** JSON as Gemini writes it: `"key": value` inside objects, no space after commas. */
function geminiJson(value) {
  if (Array.isArray(value)) return `[${value.map(geminiJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).map(
      ([key, field]) => `${JSON.stringify(key)}: ${geminiJson(field)}`,
    );
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Gemini: every event a whole GenerateContentResponse with cumulative usage; CRLF framing. */
export function geminiStream(script) {
  const parts = [];
  const prompt = script.usage.promptTokens;
  let thoughts = 0;
  let candidates = 0;
  const event = (partList, extra = {}) => {
    const usageMetadata = {
      promptTokenCount: prompt,
      ...(candidates > 0 ? { candidatesTokenCount: candidates } : {}),
      totalTokenCount: prompt + candidates + thoughts,
      promptTokensDetails: [{ modality: 'TEXT', tokenCount: prompt }],
      ...(thoughts > 0 ? { thoughtsTokenCount: thoughts } : {}),
      serviceTier: 'standard',
    };
    const response = {
      candidates: [{ content: { parts: partList, role: 'model' }, index: 0, ...extra }],
      usageMetadata,
      modelVersion: 'gemini-3-flash-preview',
      responseId: 'eb-FapqKAZ36nsEP49ya-As',
    };
    parts.push(`data: ${geminiJson(response)}\r\n\r\n`);
  };
  for (const text of script.reasoning) {
    thoughts += 2;
    event([{ text, thought: true }]);
  }
  for (const text of script.text) {
    candidates += 2;
    event([{ text }]);
  }
  const { toolCall } = script;
  event(
    [
      {
        functionCall: { name: toolCall.name, args: toolCall.arguments },
        thoughtSignature: 'CiQBEU0yD1hCYiUoRFyerO7xltRNYWnI'.repeat(12),
      },
    ],
    { finishReason: 'STOP', finishMessage: 'Model generated function call(s).' },
  );
  return { framing: 'sse', text: parts.join(''), events: parts.length };
}

/** Ollama `/api/chat`: thinking lines, content lines, one tool_calls line, the done line. */
export function ollamaStream(script) {
  const lines = [];
  const start = Date.UTC(2025, 3, 17, 13, 53, 54);
  // As recorded: `done` follows `message` on every line but the last, where `done_reason` comes first.
  const line = (message, final) => {
    const created = `${new Date(start + lines.length * 9).toISOString().slice(0, 23)}258926Z`;
    const head = { model: 'qwen3:8b', created_at: created, message };
    lines.push(`${JSON.stringify(final ? { ...head, ...final } : { ...head, done: false })}\n`);
  };
  for (const thinking of script.reasoning) line({ role: 'assistant', content: '', thinking });
  for (const content of script.text) line({ role: 'assistant', content });
  const { toolCall } = script;
  line({
    role: 'assistant',
    content: '',
    tool_calls: [{ function: { name: toolCall.name, arguments: toolCall.arguments } }],
  });
  line(
    { role: 'assistant', content: '' },
    {
      done_reason: 'stop',
      done: true,
      total_duration: 361042362,
      load_duration: 14909755,
      prompt_eval_count: script.usage.promptTokens,
      prompt_eval_duration: 34977424,
      eval_count: script.usage.completionTokens,
      eval_duration: 310642005,
    },
  );
  return { framing: 'ndjson', text: lines.join(''), events: lines.length };
}

/**
 * The declarative `custom` endpoint of core's custom-provider tests: `{piece}` lines, tool-call
 * fragments under `calls`, a final `{done, meta, stats}` line (see `customMapping`).
 */
export function customStream(script) {
  const lines = script.text.map((piece) => `${JSON.stringify({ piece })}\n`);
  const { toolCall } = script;
  const fragments = toolCall.argumentFragments.map((argumentsPiece, position) => ({
    index: 0,
    ...(position === 0 ? { id: toolCall.id } : {}),
    function:
      position === 0
        ? { name: toolCall.name, arguments: argumentsPiece }
        : { arguments: argumentsPiece },
  }));
  for (const fragment of fragments) lines.push(`${JSON.stringify({ calls: [fragment] })}\n`);
  lines.push(
    `${JSON.stringify({
      done: true,
      meta: { id: 'gen-42', model: 'odd-1-2026', stop: 'tool' },
      stats: { in: script.usage.promptTokens, out: script.usage.completionTokens },
    })}\n`,
  );
  return { framing: 'ndjson', text: lines.join(''), events: lines.length };
}

/** The mapping that reads `customStream` (the shape of core's custom-provider tests). */
export const customMapping = {
  chatPath: '/generate',
  streamPath: '/generate/stream',
  requestTemplate: {
    model: '{{model}}',
    input: { prompt: '{{prompt}}', preamble: 'System: {{system}}' },
    params: { temperature: '{{temperature}}', max_new_tokens: '{{maxTokens}}', stop: '{{stop}}' },
    functions: '{{tools}}',
  },
  response: {
    text: 'output.text',
    id: 'meta.id',
    model: 'meta.model',
    finishReason: 'meta.stop',
    toolCalls: 'output.calls',
    promptTokens: 'stats.in',
    completionTokens: 'stats.out',
  },
  stream: {
    format: 'ndjson',
    delta: 'piece',
    done: 'done',
    finishReason: 'meta.stop',
    toolCalls: 'calls',
    promptTokens: 'stats.in',
    completionTokens: 'stats.out',
  },
  finishReasons: { budget: 'length', tool: 'tool_calls' },
  errorMessage: 'fault.reason',
};
