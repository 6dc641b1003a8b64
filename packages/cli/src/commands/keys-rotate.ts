import { rejectUnknownFlags, stringFlag, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { takePositionals } from '../support/positionals.js';
import { parseExpiry, readKey } from '../support/read-key.js';
import { withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';
import { describeKey, keyInfoForOutput } from './keys-format.js';

/** `thinkbackcode keys rotate <provider>`. */
export const keysRotateCommand: Command = {
  name: 'rotate',
  summary: 'Replace a key, keeping the old one for rollback',
  valueFlags: ['label', 'expires'],
  help: `Usage: thinkbackcode keys rotate <provider> [options]

Replaces a provider's key with a new one (typed without echo, or one line of standard input
with --stdin). The old version is kept for rollback until "keys remove <provider> --previous".

Options:
  --label <name>     Which of the provider's keys (default: its default key)
  --expires <when>   Expiry of the new key: an ISO 8601 date or a number of days, e.g. 90d
  --stdin            Read the new key from standard input
  --json             Print the key's metadata as JSON (never the key)`,
  async run(context) {
    rejectUnknownFlags(context.args, ['label', 'expires', 'stdin']);
    const [provider = ''] = takePositionals(context, ['provider']);
    const expiresAt = parseExpiry(stringFlag(context.args, 'expires'));
    if (expiresAt === null) throw new UsageError('--expires must be an ISO 8601 date or like 90d');
    const label = stringFlag(context.args, 'label');
    const info = await withVault(context, {}, async (vault) => {
      const key = await readKey(context, provider);
      return vault.rotate(provider, key, {
        ...(label === undefined ? {} : { label }),
        ...(expiresAt === undefined ? {} : { expiresAt }),
      });
    });
    if (context.json) printJSON(context.terminal, keyInfoForOutput(info));
    else
      printLine(
        context.terminal,
        `Rotated to ${describeKey(info)}; the previous version is kept for rollback.`,
      );
    return 0;
  },
};
