import { UsageError } from '../args.js';
import type { CommandContext } from '../command.js';

/** The command's positionals, checked against how many it takes. */
export function takePositionals(
  context: CommandContext,
  names: readonly string[],
  optional = 0,
): string[] {
  const values = context.args.positionals;
  const required = names.length - optional;
  if (values.length < required) {
    throw new UsageError(
      `Missing ${names
        .slice(values.length, required)
        .map((name) => `<${name}>`)
        .join(' ')}`,
    );
  }
  if (values.length > names.length) {
    throw new UsageError(`Unexpected argument "${values[names.length]}"`);
  }
  return values;
}
