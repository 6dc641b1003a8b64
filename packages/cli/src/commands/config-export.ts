import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { StoredProviderConfig } from '@thinkbackcode/server';
import { rejectUnknownFlags, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { CommandError } from '../support/errors.js';
import { withGatewayData } from '../support/gateway-data.js';
import { takePositionals } from '../support/positionals.js';
import { withProgress } from '../support/progress.js';
import { askNewPassword, withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';

/** `thinkbackcode config export`. */
export const configExportCommand: Command = {
  name: 'export',
  summary: "Write the vault's keys and the provider configs as one encrypted bundle",
  valueFlags: ['out'],
  help: `Usage: thinkbackcode config export [--out <file>] [options]

Writes an encrypted bundle (AES-256-GCM under an export password, which may differ from the
vault's) holding every key of the vault, with its versions, and the gateway's provider configs.
Import it elsewhere with "thinkbackcode config import".

The vault password is asked first (or THINKBACKCODE_VAULT_PASSWORD), then the export password
(twice on a terminal; or THINKBACKCODE_EXPORT_PASSWORD).

Options:
  --out <file>   Write the bundle here (mode 0600; default: standard output)
  --force        Replace an existing file
  --json         Print a summary as JSON (with --out)`,
  async run(context) {
    rejectUnknownFlags(context.args, ['out', 'force']);
    takePositionals(context, []);
    const out = stringFlag(context.args, 'out');
    const force = context.args.flags.has('force');
    // Checked before any password is asked; the write below still refuses a file created since.
    if (out !== undefined && !force && existsSync(out)) {
      throw new CommandError(`${out} exists: use --force to replace it.`);
    }
    const providerConfigs = await withGatewayData(
      context.dataDir,
      context.terminal.env,
      async (data) => {
        const listed = await data.configStorage.listProviderConfigs();
        const configs: StoredProviderConfig[] = [];
        for (const { id } of listed) {
          const config = await data.configStorage.loadProviderConfig(id);
          if (config !== null) configs.push(config);
        }
        return configs;
      },
      { readOnly: true },
    );
    const { bundle, keys } = await withVault(context, {}, async (vault) => {
      const exportPassword = await askNewPassword(
        context,
        'Export password: ',
        'THINKBACKCODE_EXPORT_PASSWORD',
      );
      const keys = (await vault.list()).length;
      const bundle = await withProgress(context.terminal, 'Encrypting the bundle', () =>
        vault.exportBundle(exportPassword, { providerConfigs }),
      );
      return { bundle, keys };
    });
    if (out === undefined) {
      context.terminal.stdout.write(`${bundle}\n`);
      return 0;
    }
    try {
      await writeFile(out, `${bundle}\n`, {
        mode: 0o600,
        flag: force ? 'w' : 'wx',
      });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') {
        throw new CommandError(`${out} exists: use --force to replace it.`);
      }
      throw new CommandError(`Could not write ${out}.`);
    }
    const summary = { out, keys, providerConfigs: providerConfigs.length };
    if (context.json) printJSON(context.terminal, summary);
    else
      printLine(
        context.terminal,
        `Exported ${keys} key(s) and ${providerConfigs.length} provider config(s) to ${out}.`,
      );
    return 0;
  },
};
