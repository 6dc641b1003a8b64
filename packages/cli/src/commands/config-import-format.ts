import type { ImportReport, KeyReference } from '@thinkbackcode/vault';

/** What an import did (or would do) to the provider configs, by id. */
export interface ConfigChanges {
  added: string[];
  updated: string[];
  unchanged: string[];
}

const names = (keys: readonly KeyReference[]) =>
  keys.length === 0 ? '-' : keys.map((key) => `${key.provider}/${key.label}`).join(', ');
const ids = (values: readonly string[]) => (values.length === 0 ? '-' : values.join(', '));

/** The human-readable import report: names only, never a key. */
export function formatImport(report: ImportReport, configs: ConfigChanges): string {
  const verb = report.dryRun ? 'would be' : 'were';
  return [
    `Bundle exported at ${report.exportedAt}${report.dryRun ? ' (dry run: nothing written)' : ''}`,
    `Keys that ${verb} added:      ${names(report.added)}`,
    `Keys that ${verb} updated:    ${names(report.updated)}`,
    `Keys unchanged:            ${names(report.unchanged)}`,
    `Keys kept (not in bundle): ${names(report.kept)}`,
    `Configs that ${verb} added:   ${ids(configs.added)}`,
    `Configs that ${verb} updated: ${ids(configs.updated)}`,
    `Configs unchanged:         ${ids(configs.unchanged)}`,
  ].join('\n');
}
