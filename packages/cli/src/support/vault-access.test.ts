import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporaryDataDir } from '../__fixtures__/cli-harness.js';
import { main } from '../main.js';
import type { Terminal } from '../terminal.js';

/** A fake terminal: TTY streams, raw mode recorded, and a way to type once a prompt shows. */
function ttyTerminal(env: NodeJS.ProcessEnv) {
  const stdin = Object.assign(new PassThrough(), {
    isTTY: true,
    rawModes: [] as boolean[],
    setRawMode(mode: boolean) {
      stdin.rawModes.push(mode);
      return stdin;
    },
  });
  const stdout = Object.assign(new PassThrough(), { isTTY: true });
  const stderr = Object.assign(new PassThrough(), { isTTY: true });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  stdout.setEncoding('utf8').on('data', (text: string) => {
    out += text;
  });
  stderr.setEncoding('utf8').on('data', (text: string) => {
    err += text;
    for (const wake of waiters.splice(0)) wake();
  });
  const terminal: Terminal = { stdin, stdout, stderr, env };
  return {
    terminal,
    stdin,
    output: () => out + err,
    /** Types `text` at once, as a paste. */
    paste(text: string) {
      stdin.write(text);
    },
    /** Waits until stderr shows `prompt` (its `count`-th time), then types `text` and Enter. */
    async type(prompt: string, text: string, count = 1) {
      while (err.split(prompt).length - 1 < count) {
        await new Promise<void>((wake) => waiters.push(wake));
      }
      stdin.write(`${text}\r`);
    },
  };
}

describe('vault password on a terminal (in process)', () => {
  let data: Awaited<ReturnType<typeof temporaryDataDir>>;
  beforeAll(async () => {
    data = await temporaryDataDir();
  });
  afterAll(async () => {
    await data.remove();
  });

  it('asks for a new password twice without echo and refuses a mismatch', async () => {
    const tty = ttyTerminal({ THINKBACKCODE_DATA_DIR: data.dataDir });
    const exit = main(['keys', 'add', 'openai'], tty.terminal);
    await tty.type('New vault password: ', 'first-password-1');
    await tty.type('Repeat it: ', 'other-password-2');
    expect(await exit).toBe(1);
    expect(tty.output()).toContain('The passwords do not match.');
    expect(tty.output()).not.toContain('first-password-1');
    expect(tty.output()).not.toContain('other-password-2');
    expect(tty.stdin.rawModes).toEqual([true, false, true, false]);
  });

  it('keeps what was pasted after Enter for the next prompt', async () => {
    const tty = ttyTerminal({ THINKBACKCODE_DATA_DIR: data.dataDir });
    const exit = main(['keys', 'add', 'openai'], tty.terminal);
    tty.paste('pasted-password-4\r\npasted-password-5\r');
    expect(await exit).toBe(1);
    // Both answers arrived, so the mismatch (not a missing answer) is what is reported.
    expect(tty.output()).toContain('Repeat it: ');
    expect(tty.output()).toContain('The passwords do not match.');
  });

  it('creates the vault and stores a key typed without echo', async () => {
    const tty = ttyTerminal({ THINKBACKCODE_DATA_DIR: data.dataDir });
    const exit = main(['keys', 'add', 'openai'], tty.terminal);
    await tty.type('New vault password: ', 'same-password-3');
    await tty.type('Repeat it: ', 'same-password-3');
    await tty.type('API key for openai (input hidden): ', 'sk-proj-TTYTEST-0123456789abcdef');
    expect(await exit).toBe(0);
    expect(tty.output()).toContain('Stored the key "default" of openai');
    expect(tty.output()).not.toContain('same-password-3');
    expect(tty.output()).not.toContain('TTYTEST');
  });
});
