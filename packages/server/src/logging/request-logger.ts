import { redact } from './redact.js';

/** One log line's fields. Values are redacted before writing. */
export type LogFields = Record<string, string | number | boolean | undefined>;

/** Writes structured one-line JSON logs. */
export interface RequestLogger {
  log(fields: LogFields): void;
}

/** A logger writing one JSON line per call to `write` (stdout by default), every value redacted. */
export function createRequestLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
): RequestLogger {
  return {
    log(fields) {
      const clean: Record<string, string | number | boolean> = {};
      for (const [name, value] of Object.entries(fields)) {
        if (value === undefined) continue;
        clean[name] = typeof value === 'string' ? redact(value) : value;
      }
      write(`${JSON.stringify(clean)}\n`);
    },
  };
}

/** A logger that drops everything. */
export const silentLogger: RequestLogger = { log() {} };
