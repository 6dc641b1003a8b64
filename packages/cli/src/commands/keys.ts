import type { Command } from '../command.js';
import { keysAddCommand } from './keys-add.js';
import { keysListCommand } from './keys-list.js';
import { keysRemoveCommand } from './keys-remove.js';
import { keysRotateCommand } from './keys-rotate.js';

const subcommands = [keysAddCommand, keysListCommand, keysRemoveCommand, keysRotateCommand];

/** `thinkbackcode keys …`: the encrypted key vault. */
export const keysCommand: Command = {
  name: 'keys',
  summary: 'Manage provider keys in the encrypted vault',
  subcommands,
  help: `Usage: thinkbackcode keys <subcommand> [options]

The vault lives in <data dir>/vault.json, encrypted with your password (AES-256-GCM,
PBKDF2-SHA256 600,000 iterations). The password comes from THINKBACKCODE_VAULT_PASSWORD or is
asked for without echo. Keys are never printed.

Subcommands:
${subcommands.map((command) => `  ${command.name.padEnd(8)}${command.summary}`).join('\n')}

Run "thinkbackcode keys <subcommand> --help" for its options.`,
  run: async () => 2,
};
