/** Parsed command line: positionals and flags (`--name value`, `--name=value`, `--flag`). */
export interface ParsedArgs {
  positionals: string[];
  flags: Map<string, string | true>;
}

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses arguments. `valueFlags` names flags that take a value; every other `--flag` is boolean.
 * `--` ends flag parsing.
 */
export function parseArgs(argv: readonly string[], valueFlags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      const name = argument.slice(2, equals === -1 ? undefined : equals);
      if (equals !== -1) flags.set(name, argument.slice(equals + 1));
      else if (valueFlags.includes(name)) {
        const value = argv[index + 1];
        if (value === undefined || value.startsWith('--'))
          throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
        index++;
      } else flags.set(name, true);
    } else if (argument === '-h') flags.set('help', true);
    else positionals.push(argument);
  }
  return { positionals, flags };
}

/** A string flag's value, or undefined. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** Throws a UsageError for flags the command does not know. */
export function rejectUnknownFlags(args: ParsedArgs, known: readonly string[]): void {
  for (const name of args.flags.keys()) {
    if (!known.includes(name) && name !== 'help' && name !== 'json') {
      throw new UsageError(`Unknown option --${name}`);
    }
  }
}
