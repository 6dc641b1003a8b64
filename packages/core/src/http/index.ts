export { createNDJSONParser, NDJSONDecoder } from './ndjson-parser.js';
export { parseRateLimitHeaders } from './rate-limit-headers.js';
export { createSSEParser, SSEDecoder, type SSEEvent } from './sse-parser.js';
export { joinUrl } from './url.js';
