import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

/** Where a command reads and writes; injectable for tests. */
export interface Terminal {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The process's own terminal. */
export const processTerminal = (): Terminal => ({
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});

/** Colour only on a TTY and when `NO_COLOR` is unset (https://no-color.org). */
export function colors(terminal: Terminal) {
  const enabled =
    Boolean(terminal.stdout.isTTY) && !terminal.env.NO_COLOR && terminal.env.TERM !== 'dumb';
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}

const stdinLines = new WeakMap<Terminal, AsyncIterator<string>>();

/** Reads one line from stdin when it is not a TTY (piped input for scripts). */
export async function readPipedLine(terminal: Terminal): Promise<string | undefined> {
  let lines = stdinLines.get(terminal);
  if (lines === undefined) {
    lines = createInterface({ input: terminal.stdin, crlfDelay: Number.POSITIVE_INFINITY })[
      Symbol.asyncIterator
    ]();
    stdinLines.set(terminal, lines);
  }
  const next = await lines.next();
  return next.done ? undefined : next.value;
}

/**
 * Asks for a secret. On a TTY the typed characters are not echoed; from a pipe one line is read.
 * Returns undefined at end of input.
 */
export async function promptSecret(
  terminal: Terminal,
  question: string,
): Promise<string | undefined> {
  if (!terminal.stdin.isTTY || terminal.stdin.setRawMode === undefined) {
    terminal.stderr.write(question);
    const line = await readPipedLine(terminal);
    terminal.stderr.write('\n');
    return line;
  }
  terminal.stderr.write(question);
  const input = terminal.stdin;
  input.setRawMode?.(true);
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    const onData = (data: Buffer | string) => {
      const characters = [...data.toString()];
      for (const [index, character] of characters.entries()) {
        if (character === '\r' || character === '\n') {
          // Pasted input may hold the answer to the next prompt too: hand the rest back.
          const rest = characters
            .slice(index + 1)
            .join('')
            .replace(/^\n/, '');
          finish(value, rest);
          return;
        }
        if (character === '\u0003' || character === '\u0004') {
          finish(undefined, '');
          return;
        }
        if (character === '\u007f' || character === '\b') value = value.slice(0, -1);
        else value += character;
      }
    };
    const finish = (result: string | undefined, rest: string) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      if (rest !== '') input.unshift(Buffer.from(rest, 'utf8'));
      terminal.stderr.write('\n');
      resolve(result);
    };
    input.on('data', onData);
  });
}

/** Asks a visible question (interactive chat); undefined at end of input. */
export async function promptLine(
  terminal: Terminal,
  question: string,
): Promise<string | undefined> {
  if (!terminal.stdin.isTTY) return readPipedLine(terminal);
  const readline = createInterface({
    input: terminal.stdin,
    output: terminal.stderr,
    terminal: true,
  });
  try {
    return await new Promise<string | undefined>((resolve) => {
      readline.once('close', () => resolve(undefined));
      readline.question(question, resolve);
    });
  } finally {
    readline.close();
  }
}

/** Writes a line to stdout. */
export const printLine = (terminal: Terminal, text = '') => terminal.stdout.write(`${text}\n`);

/** Writes JSON to stdout (for `--json`). */
export const printJSON = (terminal: Terminal, value: unknown) =>
  terminal.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
