import type { MigratedProfile, MigrationResult, SourceFormat } from './types.js';

const FORMAT_NAMES: Record<SourceFormat, string> = {
  'kilo-settings-export': 'Kilo Code settings export',
  'roo-settings-export': 'Roo Code settings export',
  'provider-profiles': 'Kilo Code / Roo Code provider profiles',
  'kilo-cli-config': 'Kilo Code CLI config',
  'cline-providers': 'Cline providers.json',
};
const MAX_CELL = 40;

/**
 * A plain-text report of a migration: a table of profile → our provider, model, whether a key
 * was found and how many warnings, then the profiles not migrated with the reason, the mode
 * assignments and every warning. Contains no key (the result holds none). No colours: callers
 * that want them (and honour `NO_COLOR`) add them.
 */
export function formatMigrationReport(result: MigrationResult): string {
  const lines: string[] = [];
  const mapped = result.profiles.length;
  const skipped = result.unsupported.length;
  lines.push(
    `Migration from a ${FORMAT_NAMES[result.format]}: ${plural(mapped, 'profile')} mapped, ${skipped} not migrated`,
  );
  if (mapped > 0) {
    lines.push('');
    const rows = result.profiles.map((profile) => [
      profile.name + (profile.id === result.activeProfile ? ' *' : ''),
      profile.id,
      providerLabel(profile),
      profile.model ?? '-',
      profile.hasKey ? 'yes' : 'no',
      profile.warnings === undefined ? '-' : String(profile.warnings.length),
    ]);
    lines.push(...table(['Profile', 'Id', 'Provider', 'Model', 'Key', 'Warnings'], rows));
    if (result.activeProfile !== undefined) lines.push('  * active profile');
  }
  if (skipped > 0) {
    lines.push('', 'Not migrated:');
    for (const entry of result.unsupported) {
      const provider = entry.apiProvider === '' ? 'no provider' : entry.apiProvider;
      lines.push(`  - ${entry.name} (${provider}): ${entry.reason}`);
    }
  }
  const modes = Object.entries(result.modelPreferences);
  if (modes.length > 0) {
    lines.push('', 'Mode preferences:');
    for (const [mode, preference] of modes) {
      const model = preference.model === undefined ? '' : ` (${preference.model})`;
      lines.push(`  - ${mode} → ${preference.profile}${model}`);
    }
  }
  const profileWarnings = result.profiles.filter((profile) => profile.warnings !== undefined);
  if (profileWarnings.length > 0 || result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const warning of result.warnings) lines.push(`  - ${warning}`);
    for (const profile of profileWarnings) {
      for (const warning of profile.warnings ?? []) lines.push(`  - ${profile.name}: ${warning}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function providerLabel(profile: MigratedProfile): string {
  if (profile.provider !== 'custom') return profile.provider;
  const host = hostOf(profile.baseUrl);
  return `custom ${profile.requestFormat ?? 'openai'}${host === undefined ? '' : ` @ ${host}`}`;
}

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

function table(header: string[], rows: string[][]): string[] {
  const cells = [header, ...rows].map((row) => row.map(truncate));
  const widths = header.map((_, column) =>
    Math.max(...cells.map((row) => (row[column] ?? '').length)),
  );
  const render = (row: string[]): string =>
    `  ${row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')}`.trimEnd();
  const rule = `  ${widths.map((width) => '-'.repeat(width)).join('  ')}`;
  const [head, ...body] = cells;
  return [render(head ?? []), rule, ...body.map(render)];
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
