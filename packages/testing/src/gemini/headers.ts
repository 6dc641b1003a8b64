/** Headers every Gemini API response carries (from the recordings, lower-cased). */
const commonHeaders: Record<string, string> = {
  vary: 'Origin, Referer, X-Origin',
  server: 'scaffolding on HTTPServer2',
  'x-xss-protection': '0',
  'x-frame-options': 'SAMEORIGIN',
  'x-content-type-options': 'nosniff',
  'server-timing': 'gfet4t7; dur=42',
};

/** Headers of a JSON answer (success or error). */
export const GOOGLE_JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=UTF-8',
  ...commonHeaders,
};

/** Headers of a successful `generateContent` answer. */
export const GENERATE_HEADERS: Readonly<Record<string, string>> = {
  'x-gemini-service-tier': 'standard',
  ...GOOGLE_JSON_HEADERS,
};

/** Headers of a `streamGenerateContent?alt=sse` answer. */
export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'content-disposition': 'attachment',
  ...commonHeaders,
};
