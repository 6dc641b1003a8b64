import { rejectUnknownFlags, stringFlag, UsageError } from '../args.js';
import type { Command } from '../command.js';
import { takePositionals } from '../support/positionals.js';
import { parseExpiry, readKey } from '../support/read-key.js';
import { withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';
import { describeKey, keyInfoForOutput } from './keys-format.js';

/** `thinkbackcode keys add <provider>`. */
export const keysAddCommand: Command = {
  name: 'add',
  summary: 'Store a provider key in the vault (creates the vault on first use)',
  valueFlags: ['label', 'expires'],
  help: `Usage: thinkbackcode keys add <provider> [options]

Stores an API key for <provider> (a provider id such as openai, anthropic, google, or the id
of a configured provider) in the encrypted vault of the data directory. The key is typed
without echo; with --stdin (or any pipe) it is read as one line of standard input. The first
"keys add" creates the vault and asks for a new password (twice on a terminal).

Options:
  --label <name>     Which of the provider's keys this is (default "default")
  --expires <when>   Expiry: an ISO 8601 date or a number of days, e.g. 90d
  --default          Make this the key the provider uses
  --stdin            Read the key from standard input
  --json             Print the stored key's metadata as JSON (never the key)

When both come from a pipe, the vault password is the first line (unless
THINKBACKCODE_VAULT_PASSWORD is set) and the key the next one:
  printf '%s\\n%s\\n' "$PASSWORD" "$KEY" | thinkbackcode keys add openai --stdin`,
  async run(context) {
    rejectUnknownFlags(context.args, ['label', 'expires', 'default', 'stdin']);
    const [provider = ''] = takePositionals(context, ['provider']);
    const expiresAt = parseExpiry(stringFlag(context.args, 'expires'));
    if (expiresAt === null) throw new UsageError('--expires must be an ISO 8601 date or like 90d');
    const label = stringFlag(context.args, 'label');
    const info = await withVault(context, { create: true }, async (vault) => {
      const key = await readKey(context, provider);
      return vault.store(provider, key, {
        ...(label === undefined ? {} : { label }),
        ...(expiresAt === undefined ? {} : { expiresAt }),
        ...(context.args.flags.has('default') ? { makeDefault: true } : {}),
      });
    });
    if (context.json) printJSON(context.terminal, keyInfoForOutput(info));
    else printLine(context.terminal, `Stored ${describeKey(info)}.`);
    return 0;
  },
};
