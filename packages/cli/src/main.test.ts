import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import type { Terminal } from './terminal.js';

function fakeTerminal(env: NodeJS.ProcessEnv): Terminal & { errors: () => string } {
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let errors = '';
  stderr.setEncoding('utf8').on('data', (text: string) => {
    errors += text;
  });
  return { stdin: new PassThrough(), stdout, stderr, env, errors: () => errors };
}

describe('main (in process, on a fake TTY)', () => {
  it('colours the error label on a terminal', async () => {
    const terminal = fakeTerminal({});
    expect(await main(['frobnicate'], terminal)).toBe(2);
    expect(terminal.errors()).toContain('\u001b[31merror\u001b[39m');
  });

  it('writes no colour when NO_COLOR is set', async () => {
    const terminal = fakeTerminal({ NO_COLOR: '1' });
    expect(await main(['frobnicate'], terminal)).toBe(2);
    expect(terminal.errors()).toContain('error: unknown command');
    expect(terminal.errors()).not.toContain('\u001b[');
  });

  it('masks a secret that reaches an error message', async () => {
    const terminal = fakeTerminal({ NO_COLOR: '1' });
    // An unreadable bundle path is echoed in the message; a key-shaped path must come out masked.
    const code = await main(
      ['config', 'import', '--in', 'sk-proj-MAINTEST0123456789abcdef'],
      terminal,
    );
    expect(code).toBe(1);
    expect(terminal.errors()).toContain('Could not read');
    expect(terminal.errors()).not.toContain('MAINTEST0123456789abcdef');
  });
});
