import { type ObservedUsage, usageMarkers, usageReaders } from './usage-readers.js';
import type { UsageFormat } from './vendors.js';

/** Watches response bytes as they pass (never changing them) and reads token usage. */
export interface UsageObserver {
  push(chunk: Uint8Array): void;
  /** Call once at the end of the body; returns what was read. */
  finish(): ObservedUsage;
}

const jsonCaptureLimit = 8 * 1024 * 1024;

/**
 * An observer for a response of `contentType`. Event streams and NDJSON are split into lines and
 * only lines carrying a usage marker are parsed; JSON bodies are copied (up to 8 MiB) and parsed
 * once at the end. Other bodies are ignored.
 */
export function createUsageObserver(format: UsageFormat, contentType: string): UsageObserver {
  const usage: ObservedUsage = {
    promptTokens: 0,
    completionTokens: 0,
    cachedTokens: 0,
    reasoningTokens: 0,
    reported: false,
  };
  const read = usageReaders[format];
  const markers = usageMarkers[format];
  const isStream = contentType.includes('text/event-stream') || contentType.includes('ndjson');
  const isJSON = !isStream && contentType.includes('json');
  if (format === 'none' || (!isStream && !isJSON)) {
    return { push() {}, finish: () => usage };
  }

  if (isJSON) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    return {
      push(chunk) {
        size += chunk.byteLength;
        if (size <= jsonCaptureLimit) chunks.push(chunk);
      },
      finish() {
        if (size > jsonCaptureLimit) return usage;
        try {
          read(JSON.parse(Buffer.concat(chunks).toString('utf8')), usage);
        } catch {
          // Not JSON after all: no usage to read.
        }
        return usage;
      },
    };
  }

  const decoder = new TextDecoder();
  let carry = '';
  const line = (text: string) => {
    const payload = text.startsWith('data:') ? text.slice(5).trimStart() : text;
    if (
      payload === '' ||
      payload.startsWith(':') ||
      !markers.some((marker) => text.includes(marker))
    ) {
      return;
    }
    try {
      read(JSON.parse(payload), usage);
    } catch {
      // A partial or non-JSON line carries no usage.
    }
  };
  const lines = (text: string) => {
    let start = 0;
    for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', start)) {
      line(text.slice(start, index).replace(/\r$/, ''));
      start = index + 1;
    }
    return text.slice(start);
  };
  return {
    push(chunk) {
      carry = lines(carry + decoder.decode(chunk, { stream: true }));
      if (carry.length > jsonCaptureLimit) carry = '';
    },
    finish() {
      carry = lines(carry + decoder.decode());
      if (carry !== '') line(carry.replace(/\r$/, ''));
      carry = '';
      return usage;
    },
  };
}
