import { rejectUnknownFlags } from '../args.js';
import type { Command } from '../command.js';
import { takePositionals } from '../support/positionals.js';
import { createCliVault, withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';
import { formatKeyTable, keyInfoForOutput } from './keys-format.js';

/** `thinkbackcode keys list`. */
export const keysListCommand: Command = {
  name: 'list',
  summary: 'List stored keys (metadata only, never the keys)',
  help: `Usage: thinkbackcode keys list [--json]

Lists the vault's keys: provider, label, whether it is the provider's default, version,
created, expiry, last rotation and the version kept for rollback. Keys are never printed.

Options:
  --json   Print the list as JSON`,
  async run(context) {
    rejectUnknownFlags(context.args, []);
    takePositionals(context, []);
    const keys = (await createCliVault(context.dataDir).isInitialized())
      ? await withVault(context, {}, (vault) => vault.list())
      : [];
    if (context.json) printJSON(context.terminal, keys.map(keyInfoForOutput));
    else if (keys.length === 0) printLine(context.terminal, 'No keys stored.');
    else printLine(context.terminal, formatKeyTable(keys));
    return 0;
  },
};
