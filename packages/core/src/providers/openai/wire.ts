/** OpenAI's Chat Completions wire format is the OpenAI-compatible base's. */
export type * from '../openai-compatible/wire.js';
