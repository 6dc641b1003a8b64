/**
 * OpenAI streams (`data:` chunks, `usage:null`, `obfuscation`, a `choices:[]` usage chunk,
 * `[DONE]`, in-stream `{"error":…}`) are read by the OpenAI-compatible base.
 */
export { createOpenAICompatibleStreamTransformer } from '../openai-compatible/stream.js';
