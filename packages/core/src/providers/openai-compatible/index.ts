export { createCustomOpenAIDefinition, createCustomOpenAIProvider } from './custom.js';
export {
  bearerHeaders,
  createOpenAICompatibleDefinition,
  type OpenAICompatibleOptions,
} from './definition.js';
export { parseOpenAIError, streamError } from './errors.js';
export { type CatalogEntry, catalogModel, parseModelList } from './models.js';
export { type RequestQuirks, toWireMessages, toWireRequest } from './request.js';
export { type ResponseContext, toChatResponse, toFinishReason, toTokenUsage } from './response.js';
export { createOpenAICompatibleStreamTransformer } from './stream.js';
export type * from './wire.js';
