import type { Terminal } from '../terminal.js';

/**
 * Shows that slow work is under way (PBKDF2, network) on stderr, so stdout stays clean for
 * `--json`. On a TTY the line is erased when the work ends; in a pipe it stays as a log line.
 */
export async function withProgress<T>(
  terminal: Terminal,
  message: string,
  work: () => Promise<T>,
): Promise<T> {
  const interactive = Boolean(terminal.stderr.isTTY);
  terminal.stderr.write(interactive ? `${message}…` : `${message}…\n`);
  try {
    return await work();
  } finally {
    if (interactive) terminal.stderr.write('\r\u001b[K');
  }
}
