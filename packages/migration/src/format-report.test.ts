import { describe, expect, it } from 'vitest';
import { fixturePath, readFileSync } from './__fixtures__/fakes.js';
import { formatMigrationReport } from './format-report.js';
import { importKiloCodeConfig } from './import-config.js';

const sample = () =>
  importKiloCodeConfig(readFileSync(fixturePath('kilo-code-settings.sample.json'), 'utf8'));

describe('formatMigrationReport', () => {
  it('shows a table of profile, id, provider, model, key and warnings', () => {
    const lines = formatMigrationReport(sample()).split('\n');
    expect(lines[0]).toBe(
      'Migration from a Kilo Code settings export: 8 profiles mapped, 2 not migrated',
    );
    expect(lines[2]?.split(/\s{2,}/).filter(Boolean)).toEqual([
      'Profile',
      'Id',
      'Provider',
      'Model',
      'Key',
      'Warnings',
    ]);
    const row = (name: string) =>
      lines
        .find((line) => line.startsWith(`  ${name} `))
        ?.trim()
        .split(/\s{2,}/);
    expect(row('Sonnet *')).toEqual([
      'Sonnet *',
      'sonnet',
      'anthropic',
      'claude-sonnet-4-20250514',
      'yes',
      '-',
    ]);
    expect(row('Router')).toEqual([
      'Router',
      'router',
      'custom openai @ openrouter.ai',
      'google/gemini-2.5-pro',
      'yes',
      '-',
    ]);
    expect(row('Local')).toEqual(['Local', 'local', 'ollama', 'qwen2.5-coder:32b', 'no', '-']);
  });

  it('lists what was not migrated, the mode preferences and all warnings', () => {
    const result = sample();
    if (result.profiles[1] !== undefined)
      result.profiles[1].warnings = ['the service tier is lost'];
    const report = formatMigrationReport(result);
    expect(report).toContain('Not migrated:\n  - Fallback (virtual-quota-fallback): ');
    expect(report).toContain('  - Bedrock (bedrock): Amazon Bedrock signs requests');
    expect(report).toContain('Mode preferences:\n  - code → Sonnet (claude-sonnet-4-20250514)\n');
    expect(report).toContain('  - OpenAI: the service tier is lost\n');
    expect(report).toMatch(/ {2}OpenAI +openai +openai +o3-mini +yes +1\n/);
  });

  it('truncates long cells so the table stays readable', () => {
    const result = importKiloCodeConfig({
      providers: [{ id: 'p', provider: 'ollama', ollamaModelId: 'm'.repeat(80) }],
    });
    const report = formatMigrationReport(result);
    expect(report).toContain(`${'m'.repeat(39)}…`);
    expect(report).not.toContain('m'.repeat(41));
  });

  it('reports an empty migration plainly', () => {
    const report = formatMigrationReport(
      importKiloCodeConfig({ providerProfiles: { apiConfigs: {} } }),
    );
    expect(report).toBe(
      'Migration from a Kilo Code settings export: 0 profiles mapped, 0 not migrated\n\nWarnings:\n  - The file holds no provider profiles\n',
    );
  });
});
