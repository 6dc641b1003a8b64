/** OpenAI responses are mapped by the OpenAI-compatible base (usage details, refusals, tool calls). */
export { toChatResponse } from '../openai-compatible/response.js';
