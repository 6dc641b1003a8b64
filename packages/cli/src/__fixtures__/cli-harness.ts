import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The repository root. */
export const ROOT = resolve(here, '../../../..');
/** The built command line, run with plain node as a user would. */
export const BIN = join(ROOT, 'packages/cli/dist/bin.js');

async function withLock<T>(work: () => T): Promise<T> {
  const lock = join(tmpdir(), `thinkbackcode-cli-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  for (let attempt = 0; ; attempt++) {
    try {
      await mkdir(lock);
      break;
    } catch {
      const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > 120_000) await rm(lock, { recursive: true, force: true });
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  try {
    return work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Builds the CLI and the packages it references (`tsc -b`), once per test file; parallel test
 * files take turns through a lock directory so no build reads another's half-written output.
 */
export async function buildCli(): Promise<void> {
  const result = await withLock(() =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli'], {
      cwd: ROOT,
      encoding: 'utf8',
    }),
  );
  if (result.status !== 0) throw new Error(`tsc -b packages/cli failed:\n${result.stdout}${result.stderr}`);
}

/** What one run of the binary produced. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of `runCli`. */
export interface RunOptions {
  /** Lines written to stdin, which is then closed. */
  input?: string;
  /** Extra environment; `THINKBACKCODE_DATA_DIR` should be set by the caller. */
  env?: Record<string, string>;
  cwd?: string;
}

/** Runs `node packages/cli/dist/bin.js <args>` with piped stdio and a clean environment. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh temporary data directory (not created: commands create it). */
export async function temporaryDataDir(): Promise<{ dir: string; dataDir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'thinkbackcode-cli-'));
  return { dir, dataDir: join(dir, 'data'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every file under `dir`, recursively, with its bytes (SQLite, WAL, vault, key files…). */
export async function readAllFiles(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const found: Array<{ path: string; bytes: Buffer }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({ path, bytes: await readFile(path) });
  }
  return found;
}

/**
 * Where `secret` appears in clear in `texts` or in the files under `dir`: as UTF-8, UTF-16LE,
 * base64 and base64url (of the secret, at the three byte alignments base64 can start at).
 */
export async function findSecret(secret: string, texts: readonly string[], dir?: string): Promise<string[]> {
  const forms = secretForms(secret);
  const hits: string[] = [];
  texts.forEach((text, index) => {
    for (const form of forms) if (text.includes(form.toString('utf8'))) hits.push(`output #${index}`);
  });
  if (dir !== undefined) {
    for (const file of await readAllFiles(dir)) {
      for (const form of forms) if (file.bytes.includes(form)) hits.push(file.path);
    }
  }
  return hits;
}

function secretForms(secret: string): Buffer[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [bytes, Buffer.from(secret, 'utf16le')];
  for (let offset = 0; offset < 3; offset++) {
    // Base64 of the secret inside a longer text: drop the edge characters that depend on neighbours.
    const shifted = Buffer.concat([Buffer.alloc(offset), bytes]);
    for (const encoding of ['base64', 'base64url'] as const) {
      const text = shifted.toString(encoding).replace(/=+$/, '');
      const stable = text.slice(Math.ceil((offset * 4) / 3) + 1, -2);
      if (stable.length >= 8) forms.push(Buffer.from(stable, 'utf8'));
    }
  }
  return forms;
}
