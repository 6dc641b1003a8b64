import { rejectUnknownFlags, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { CommandError } from '../support/errors.js';
import { takePositionals } from '../support/positionals.js';
import { withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';

/** `thinkbackcode keys remove <provider>`. */
export const keysRemoveCommand: Command = {
  name: 'remove',
  summary: 'Delete a key from the vault',
  valueFlags: ['label'],
  help: `Usage: thinkbackcode keys remove <provider> [options]

Deletes a provider's key (all its versions) from the vault.

Options:
  --label <name>   Which of the provider's keys (default: its default key)
  --previous       Only delete the version kept for rollback by "keys rotate"
  --json           Print the result as JSON`,
  async run(context) {
    rejectUnknownFlags(context.args, ['label', 'previous']);
    const [provider = ''] = takePositionals(context, ['provider']);
    const label = stringFlag(context.args, 'label');
    const selector = label === undefined ? {} : { label };
    const previous = context.args.flags.has('previous');
    await withVault(context, {}, async (vault) => {
      if (previous) {
        await vault.removePreviousVersion(provider, selector);
        return;
      }
      if (!(await vault.delete(provider, selector))) {
        throw new CommandError(
          `No key for ${provider}${label === undefined ? '' : ` with label "${label}"`}.`,
        );
      }
    });
    if (context.json)
      printJSON(context.terminal, {
        provider,
        label: label ?? null,
        removed: previous ? 'previous' : 'key',
      });
    else
      printLine(
        context.terminal,
        previous
          ? `Removed the previous version of ${provider}'s key.`
          : `Removed the key of ${provider}.`,
      );
    return 0;
  },
};
