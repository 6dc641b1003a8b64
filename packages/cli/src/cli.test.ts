import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, runCli } from './__fixtures__/cli-harness.js';

const commandLines = [
  ['serve'],
  ['keys'],
  ['keys', 'add'],
  ['keys', 'list'],
  ['keys', 'remove'],
  ['keys', 'rotate'],
  ['migrate'],
  ['migrate', 'kilocode'],
  ['chat'],
  ['usage'],
  ['config'],
  ['config', 'export'],
  ['config', 'import'],
];

describe('thinkbackcode (real binary): help and exit codes', () => {
  beforeAll(buildCli);

  it('prints the overview and exits 2 without a command, 0 with --help', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stdout).toContain('Usage: thinkbackcode <command>');
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['serve', 'keys', 'migrate', 'chat', 'usage', 'config']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    }
  });

  it('prints the version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });

  it.each(commandLines.map((names) => ({ names, line: names.join(' ') })))(
    'has --help: $line',
    async ({ names }) => {
      const result = await runCli([...names, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: thinkbackcode ${names.join(' ')}`));
      expect(result.stderr).toBe('');
    },
  );

  it('exits 2 for an unknown command, subcommand or option', async () => {
    const command = await runCli(['frobnicate']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "frobnicate"');
    const subcommand = await runCli(['keys', 'steal']);
    expect(subcommand.code).toBe(2);
    expect(subcommand.stderr).toContain('unknown subcommand "steal"');
    const option = await runCli(['usage', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Unknown option --colour');
    const value = await runCli(['chat', '--provider']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('--provider needs a value');
  });
});
