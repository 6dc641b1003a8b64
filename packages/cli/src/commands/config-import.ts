import { readFile } from 'node:fs/promises';
import type { StoredProviderConfig } from '@thinkbackcode/server';
import { type ImportReport, KeyVault, MemoryKeyStore, VaultError } from '@thinkbackcode/vault';
import { rejectUnknownFlags, stringFlag, UsageError } from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { CommandError } from '../support/errors.js';
import { type GatewayData, hasGatewayData, withGatewayData } from '../support/gateway-data.js';
import { takePositionals } from '../support/positionals.js';
import { withProgress } from '../support/progress.js';
import { askPassword, createCliVault, withVault } from '../support/vault-access.js';
import { printJSON, printLine } from '../terminal.js';
import { type ConfigChanges, formatImport } from './config-import-format.js';

function isStoredConfig(value: unknown): value is StoredProviderConfig {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { provider?: unknown }).provider === 'string'
  );
}

/** The id the gateway stores a config under (as its storage picks it). */
const configId = (config: StoredProviderConfig): string =>
  config.id ?? (typeof config.name === 'string' ? config.name : config.provider);

/** Compares the bundle's configs with the stored ones and, unless `dryRun`, saves them. */
async function applyConfigs(
  data: GatewayData,
  configs: readonly unknown[],
  dryRun: boolean,
): Promise<ConfigChanges> {
  const changes: ConfigChanges = { added: [], updated: [], unchanged: [] };
  for (const config of configs) {
    if (!isStoredConfig(config)) continue;
    const id = configId(config);
    const existing = await data.configStorage.loadProviderConfig(id);
    const incoming = { ...config, id };
    const same =
      existing !== null &&
      JSON.stringify(sortKeys(existing)) === JSON.stringify(sortKeys(incoming));
    (existing === null ? changes.added : same ? changes.unchanged : changes.updated).push(id);
    if (!dryRun && !same) await data.configStorage.saveProviderConfig(incoming);
  }
  return changes;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, inner]) => [key, sortKeys(inner)]),
  );
}

async function importInto(
  context: CommandContext,
  bundle: string,
  dryRun: boolean,
): Promise<{ report: ImportReport; providerConfigs: unknown[] }> {
  const exportPassword = await askPassword(
    context,
    'Export password: ',
    'THINKBACKCODE_EXPORT_PASSWORD',
  );
  const run = async (vault: KeyVault) => {
    try {
      return await withProgress(context.terminal, 'Decrypting the bundle', () =>
        vault.importBundle(bundle, exportPassword, { dryRun }),
      );
    } catch (error) {
      if (VaultError.hasCode(error, 'wrong_password')) {
        throw new CommandError('Wrong export password, or the bundle was altered.');
      }
      throw error;
    }
  };
  if (dryRun && !(await createCliVault(context.dataDir).isInitialized())) {
    // Nothing to compare with and nothing may be written: plan against an empty vault in memory.
    const scratch = new KeyVault({ store: new MemoryKeyStore(), actor: 'cli' });
    await scratch.unlock(exportPassword);
    try {
      return await run(scratch);
    } finally {
      await scratch.lock();
    }
  }
  return withVault(context, { create: true }, run);
}

/** `thinkbackcode config import`. */
export const configImportCommand: Command = {
  name: 'import',
  summary: 'Import an encrypted bundle from "config export"',
  valueFlags: ['in'],
  help: `Usage: thinkbackcode config import --in <file> [--dry-run] [--json]

Imports a bundle written by "thinkbackcode config export": keys go into the vault (new ones
added, changed ones become the current version with the old one kept for rollback), provider
configs into the gateway's storage. The vault is created if the data directory has none.

The export password is asked first (or THINKBACKCODE_EXPORT_PASSWORD), then the vault's
(or THINKBACKCODE_VAULT_PASSWORD).

Options:
  --in <file>   The bundle (required)
  --dry-run     Show what would change and write nothing
  --json        Print the report as JSON (never a key)`,
  async run(context) {
    rejectUnknownFlags(context.args, ['in', 'dry-run']);
    takePositionals(context, []);
    const path = stringFlag(context.args, 'in');
    if (path === undefined) throw new UsageError('--in <file> is required');
    const dryRun = context.args.flags.has('dry-run');
    let bundle: string;
    try {
      bundle = await readFile(path, 'utf8');
    } catch {
      throw new CommandError(`Could not read ${path}.`);
    }
    const { report, providerConfigs } = await importInto(context, bundle.trim(), dryRun);
    const configs =
      dryRun && !hasGatewayData(context.dataDir)
        ? {
            added: providerConfigs.flatMap((config) =>
              isStoredConfig(config) ? [configId(config)] : [],
            ),
            updated: [],
            unchanged: [],
          }
        : await withGatewayData(context.dataDir, context.terminal.env, (data) =>
            applyConfigs(data, providerConfigs, dryRun),
          );
    const keys = {
      added: report.added,
      updated: report.updated,
      unchanged: report.unchanged,
      kept: report.kept,
    };
    if (context.json) {
      printJSON(context.terminal, {
        dryRun,
        exportedAt: report.exportedAt,
        keys,
        providerConfigs: configs,
      });
    } else printLine(context.terminal, formatImport(report, configs));
    return 0;
  },
};
