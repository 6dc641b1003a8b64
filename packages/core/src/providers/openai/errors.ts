/** OpenAI error bodies (`insufficient_quota` → quota_exceeded, key echo removed) are read by the base. */
export { parseOpenAIError, streamError } from '../openai-compatible/errors.js';
