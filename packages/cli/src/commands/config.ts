import type { Command } from '../command.js';
import { configExportCommand } from './config-export.js';
import { configImportCommand } from './config-import.js';

const subcommands = [configExportCommand, configImportCommand];

/** `thinkbackcode config …`: the vault's encrypted bundle. */
export const configCommand: Command = {
  name: 'config',
  summary: 'Export or import keys and provider configs as an encrypted bundle',
  subcommands,
  help: `Usage: thinkbackcode config <subcommand> [options]

Subcommands:
${subcommands.map((command) => `  ${command.name.padEnd(8)}${command.summary}`).join('\n')}

Run "thinkbackcode config <subcommand> --help" for its options.`,
  run: async () => 2,
};
