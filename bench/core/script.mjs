// The answer every benchmark stream carries, whatever the vendor: reasoning pieces, text pieces
// and one tool call, generated deterministically so each run (and each vendor) gets the same work.

/** A small seeded PRNG (mulberry32): the same seed gives the same streams on every machine. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

// Mostly ASCII, with some multi-byte UTF-8 (2, 3 and 4 bytes) so network pieces split characters,
// plus characters JSON must escape (quote, backslash, newline).
const WORDS = [
  'the|stream|adapter|turns|each|vendor|event|into|one|chunk|latency|budget|token|window|cache',
  'retry|because|however|result|function|value|request|response|model|answer|question|and|of',
  'to|naïve|café|über|résumé|—|→|数据|测试|🙂|"quoted"|C:\\path|\n|\n\n|**bold**|`code`|42|3.14',
  '2026|-|x',
]
  .join('|')
  .split('|');

/** One delta of 1–3 words, like a model's streamed token or two. */
function delta(random) {
  const count = 1 + Math.floor(random() * 3);
  let text = '';
  for (let index = 0; index < count; index += 1) {
    text += ` ${WORDS[Math.floor(random() * WORDS.length)]}`;
  }
  return text;
}

/** Splits `text` into pieces of 2–8 characters, as vendors stream tool-call arguments. */
function fragments(text, random) {
  const pieces = [];
  for (let start = 0; start < text.length; ) {
    const size = 2 + Math.floor(random() * 7);
    pieces.push(text.slice(start, start + size));
    start += size;
  }
  return pieces;
}

/**
 * Builds the script of one streamed answer.
 * @param {{ textDeltas: number, reasoningDeltas: number, seed?: number }} options
 */
export function createScript({ textDeltas, reasoningDeltas, seed = 20260101 }) {
  const random = createRandom(seed);
  const reasoning = Array.from({ length: reasoningDeltas }, () => delta(random));
  const text = Array.from({ length: textDeltas }, () => delta(random));
  const argumentsObject = {
    location: 'Berlin, Deutschland',
    unit: 'celsius',
    days: 7,
    include: ['hourly', 'alerts', 'air_quality'],
    note: 'naïve café ☕ "quoted"',
  };
  const argumentsText = JSON.stringify(argumentsObject);
  return {
    reasoning,
    text,
    toolCall: {
      id: 'call_bench0001',
      name: 'get_weather',
      arguments: argumentsObject,
      argumentsText,
      argumentFragments: fragments(argumentsText, random),
    },
    usage: { promptTokens: 1_234, completionTokens: textDeltas * 2 + reasoningDeltas * 2 + 40 },
  };
}
