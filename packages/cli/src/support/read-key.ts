import type { CommandContext } from '../command.js';
import { promptSecret, readPipedLine } from '../terminal.js';
import { CommandError } from './errors.js';

/**
 * Reads an API key: typed without echo on a terminal, or one line of stdin (`--stdin`, or any
 * pipe). Surrounding whitespace (a pasted newline, `\r` from Windows files) is removed.
 */
export async function readKey(context: CommandContext, provider: string): Promise<string> {
  const fromStdin = context.args.flags.has('stdin');
  const line = fromStdin
    ? await readPipedLine(context.terminal)
    : await promptSecret(context.terminal, `API key for ${provider} (input hidden): `);
  const key = line?.trim() ?? '';
  if (key === '') throw new CommandError(`No key given for ${provider}.`);
  return key;
}

const DAY = 86_400_000;

/**
 * Parses `--expires`: an ISO 8601 date or a number of days from now (`90d`).
 * Returns undefined when absent; a string that is neither is a usage error (caller throws).
 */
export function parseExpiry(
  value: string | undefined,
  now = Date.now(),
): string | undefined | null {
  if (value === undefined) return undefined;
  const days = /^(\d{1,5})d$/.exec(value);
  if (days) return new Date(now + Number(days[1]) * DAY).toISOString();
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}
