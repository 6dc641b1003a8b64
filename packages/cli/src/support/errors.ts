import { redact } from '@thinkbackcode/vault';

/**
 * The message of any thrown value, passed through the vault's `redact()` (which also masks every
 * key the vault stored or returned in this process), so no secret reaches the terminal.
 */
export function safeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return redact(message);
}

/** A failure the user can act on (exit code 1), with a message that never holds a secret. */
export class CommandError extends Error {
  override name = 'CommandError';
}
