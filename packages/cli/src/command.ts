import type { ParsedArgs } from './args.js';
import type { Terminal } from './terminal.js';

/** What every command gets. */
export interface CommandContext {
  terminal: Terminal;
  args: ParsedArgs;
  /** `--json` was given: print machine-readable output only. */
  json: boolean;
  /** The data directory (`THINKBACKCODE_DATA_DIR`, default `./data`). */
  dataDir: string;
}

/** One top-level command. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full help text (usage, options, examples). */
  help: string;
  /** Flags that take a value. */
  valueFlags?: readonly string[];
  /**
   * Subcommands (`keys add`, `config export`): the first positional picks one, which then gets
   * the rest of the arguments and its own `--help`. `run` is called only when none was named.
   */
  subcommands?: readonly Command[];
  /** Returns the exit code (0 ok, 1 failure). Throws `UsageError` for exit code 2. */
  run(context: CommandContext): Promise<number>;
}
