import { resolve } from 'node:path';
import { parseArgs, UsageError } from './args.js';
import type { Command } from './command.js';
import { commands } from './commands/index.js';
import { safeErrorMessage } from './support/errors.js';
import { colors, printLine, processTerminal, type Terminal } from './terminal.js';

const VERSION = '0.1.0';

function overview(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    'Usage: thinkbackcode <command> [options]',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Global options:',
    '  --help       Show help for a command',
    '  --json       Machine-readable output',
    '  --version    Print the version',
    '',
    'Environment:',
    '  THINKBACKCODE_DATA_DIR        Data directory (default ./data)',
    '  THINKBACKCODE_VAULT_PASSWORD  Vault password (otherwise asked for without echo)',
    '  NO_COLOR                      Disable colours',
    '',
    'Exit codes: 0 ok, 1 failure, 2 usage error.',
  ].join('\n');
}

/** Follows subcommand names (`keys add`) to the command that runs, and its arguments. */
function selectCommand(
  command: Command,
  argv: readonly string[],
): { command: Command; argv: readonly string[] } {
  const [first, ...rest] = argv;
  const subcommand = command.subcommands?.find((candidate) => candidate.name === first);
  if (subcommand === undefined) return { command, argv };
  return selectCommand(subcommand, rest);
}

/** Runs the command line; returns the exit code. */
export async function main(
  argv: readonly string[],
  terminal: Terminal = processTerminal(),
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printLine(terminal, overview());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    printLine(terminal, VERSION);
    return 0;
  }
  const topLevel: Command | undefined = commands.find((candidate) => candidate.name === name);
  const paint = colors(terminal);
  if (topLevel === undefined) {
    terminal.stderr.write(`${paint.red('error')}: unknown command "${name}"\n\n${overview()}\n`);
    return 2;
  }
  const { command, argv: commandArgv } = selectCommand(topLevel, rest);
  try {
    const args = parseArgs(commandArgv, command.valueFlags ?? []);
    if (args.flags.has('help')) {
      printLine(terminal, command.help);
      return 0;
    }
    if (command.subcommands !== undefined) {
      const [unknown] = args.positionals;
      throw new UsageError(
        unknown === undefined
          ? `${command.name} needs a subcommand`
          : `unknown subcommand "${unknown}"`,
      );
    }
    return await command.run({
      terminal,
      args,
      json: args.flags.has('json'),
      dataDir: resolve(terminal.env.THINKBACKCODE_DATA_DIR || 'data'),
    });
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.stderr.write(
        `${paint.red('error')}: ${safeErrorMessage(error)}\n\n${command.help}\n`,
      );
      return 2;
    }
    terminal.stderr.write(`${paint.red('error')}: ${safeErrorMessage(error)}\n`);
    return 1;
  }
}
