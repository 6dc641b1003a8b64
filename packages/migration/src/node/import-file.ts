import { readFile, stat } from 'node:fs/promises';
import { MigrationError } from '../errors.js';
import { importKiloCodeConfig } from '../import-config.js';
import type { MigrationResult } from '../types.js';

/** Options of `importKiloCodeConfigFile`. */
export interface ImportFileOptions {
  /** Largest file accepted, in bytes (default 64 MiB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a Kilo Code / Roo Code settings export, a Kilo Code CLI config or a Cline
 * `providers.json` from disk and imports it (see `importKiloCodeConfig`). Nothing is written.
 *
 * @throws MigrationError `file_unreadable` (missing, a directory, too large, not UTF-8, no
 *   permission), then whatever `importKiloCodeConfig` throws.
 */
export async function importKiloCodeConfigFile(
  path: string,
  options: ImportFileOptions = {},
): Promise<MigrationResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadable(`${path} is not a file`);
    if (info.size > maxBytes) {
      throw unreadable(`${path} is ${info.size} bytes, larger than the ${maxBytes}-byte limit`);
    }
    bytes = await readFile(path);
  } catch (error) {
    if (MigrationError.isInstance(error)) throw error;
    throw unreadable(describeFsError(path, error), error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw unreadable(`${path} is not UTF-8 text`, error);
  }
  return importKiloCodeConfig(text);
}

function unreadable(message: string, cause?: unknown): MigrationError {
  return new MigrationError(message, {
    code: 'file_unreadable',
    ...(cause === undefined ? {} : { cause }),
  });
}

function describeFsError(path: string, error: unknown): string {
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return `No such file: ${path}`;
  if (code === 'EACCES' || code === 'EPERM') return `Permission denied reading ${path}`;
  if (code === 'EISDIR') return `${path} is not a file`;
  return `Could not read ${path}${code === '' ? '' : ` (${code})`}`;
}
