import type { Command } from '../command.js';
import { migrateKilocodeCommand } from './migrate-kilocode.js';

const subcommands = [migrateKilocodeCommand];

/** `thinkbackcode migrate …`. */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Migrate provider profiles and keys from Kilo Code, Roo Code or Cline',
  subcommands,
  help: `Usage: thinkbackcode migrate <source> <file> [options]

Sources:
  kilocode   ${migrateKilocodeCommand.summary}

Run "thinkbackcode migrate kilocode --help" for its options.`,
  run: async () => 2,
};
