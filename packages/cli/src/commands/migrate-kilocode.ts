import {
  type ApplyReport,
  applyMigration,
  formatMigrationReport,
  type MigrationResult,
  type ValidationResult,
  validateMigration,
} from '@thinkbackcode/migration';
import { importKiloCodeConfigFile } from '@thinkbackcode/migration/node';
import { rejectUnknownFlags } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { withGatewayData } from '../support/gateway-data.js';
import { createMigrationStorage } from '../support/migration-storage.js';
import { takePositionals } from '../support/positionals.js';
import { withProgress } from '../support/progress.js';
import { withVault } from '../support/vault-access.js';
import { colors, printJSON, printLine } from '../terminal.js';

function printValidation(context: CommandContext, validation: ValidationResult): void {
  const paint = colors(context.terminal);
  for (const issue of validation.errors) {
    context.terminal.stderr.write(`${paint.red('error')}: ${issue.message}\n`);
  }
  for (const issue of validation.warnings) {
    context.terminal.stderr.write(`${paint.yellow('warning')}: ${issue.message}\n`);
  }
}

function formatApplyReport(report: ApplyReport): string {
  const count = (items: ApplyReport['configs'], status: string) =>
    items.filter((item) => item.status === status).length;
  const line = (what: string, items: ApplyReport['configs']) =>
    `${what}: ${count(items, 'created')} created, ${count(items, 'updated')} updated, ${count(items, 'unchanged')} unchanged`;
  return [
    line('Provider configs', report.configs),
    line('Keys (encrypted in the vault)', report.keys),
    `Model preferences: ${report.preferences}`,
    report.changed ? 'Migration applied.' : 'Nothing changed: everything was already there.',
  ].join('\n');
}

async function apply(context: CommandContext, result: MigrationResult): Promise<ApplyReport> {
  const needsVault = result.profiles.some((profile) => profile.hasKey);
  return withGatewayData(context.dataDir, context.terminal.env, async (data) => {
    const configStorage = createMigrationStorage(data.configStorage);
    const run = (vault: Parameters<typeof applyMigration>[1]['vault']) =>
      withProgress(context.terminal, 'Writing configs and encrypting keys', () =>
        applyMigration(result, { configStorage, vault }),
      );
    if (needsVault) return withVault(context, { create: true }, run);
    // No key to store: do not ask for a password. The vault is never touched.
    return run({
      store: () => Promise.reject(new Error('no key to store')),
      retrieve: async () => null,
      delete: async () => false,
    });
  });
}

/** `thinkbackcode migrate kilocode <file>`. */
export const migrateKilocodeCommand: Command = {
  name: 'kilocode',
  summary: 'Import a Kilo Code / Roo Code settings export, Kilo CLI config or Cline providers.json',
  help: `Usage: thinkbackcode migrate kilocode <file> [--apply] [--json]

Reads the file Kilo Code or Roo Code writes with "Export settings" (also the Kilo Code CLI
config and Cline's providers.json; the format is detected) and shows what would be migrated:
profile → ThinkBackCode provider, model, whether a key was found, warnings, and the profiles
that cannot be migrated with the reason. Nothing is written without --apply.

Options:
  --apply   Write the provider configs to the gateway's storage and the keys, encrypted, to the
            vault (created if needed). Idempotent: a second run changes nothing
  --json    Print the MigrationResult (with --apply, plus "applied": what was written)

Keys are never printed: the report only says which profiles have one.`,
  async run(context) {
    rejectUnknownFlags(context.args, ['apply']);
    const [file = ''] = takePositionals(context, ['file']);
    const result = await importKiloCodeConfigFile(file);
    const validation = validateMigration(result);
    if (!context.args.flags.has('apply')) {
      if (context.json) printJSON(context.terminal, result);
      else {
        printLine(context.terminal, formatMigrationReport(result));
        printLine(context.terminal, '');
        printLine(
          context.terminal,
          'Dry run: nothing was written. Run again with --apply to migrate.',
        );
      }
      printValidation(context, validation);
      return validation.valid ? 0 : 1;
    }
    printValidation(context, validation);
    if (!validation.valid) return 1;
    const applied = await apply(context, result);
    if (context.json) printJSON(context.terminal, { ...result, applied });
    else {
      printLine(context.terminal, formatMigrationReport(result));
      printLine(context.terminal, '');
      printLine(context.terminal, formatApplyReport(applied));
    }
    return 0;
  },
};
