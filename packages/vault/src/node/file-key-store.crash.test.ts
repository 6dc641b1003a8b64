import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildVault, type VaultBuild } from '../../test/build-vault.js';
import { KeyVault } from '../index.js';
import { FileKeyStore } from './file-key-store.js';

const writerScript = fileURLToPath(
  new URL('../../test/fixtures/crash-writer.mjs', import.meta.url),
);

interface StoredKey {
  provider: string;
  key: string;
}

/** Runs the writer and SIGKILLs it `delayMs` after it is ready (or after spawn when `early`). */
function runAndKill(
  build: VaultBuild,
  vaultPath: string,
  round: number,
  delayMs: number,
  early: boolean,
): Promise<StoredKey[]> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(
      process.execPath,
      [writerScript, build.directory, vaultPath, String(round)],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const stored: StoredKey[] = [];
    let buffer = '';
    let stderr = '';
    const kill = () => setTimeout(() => child.kill('SIGKILL'), delayMs);
    if (early) kill();
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          if (!early) kill();
        } else stored.push(JSON.parse(line) as StoredKey);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(stored);
      else reject(new Error(`writer exited on its own: ${stderr.slice(0, 500)}`));
    });
  });
}

describe('FileKeyStore under SIGKILL', () => {
  let build: VaultBuild;
  let directory: string;

  beforeAll(async () => {
    build = await buildVault();
    directory = await mkdtemp(join(tmpdir(), 'tbc-vault-crash-'));
  });

  afterAll(async () => {
    await build?.remove();
    await rm(directory, { recursive: true, force: true });
  });

  it('keeps every key whose store resolved across 20 kills at random moments', async () => {
    const vaultPath = join(directory, 'vault.json');
    const expected: StoredKey[] = [];
    for (let round = 0; round < 20; round += 1) {
      // Odd rounds die at a random moment from spawn (sometimes during start-up or unlock),
      // even rounds at a random moment in the store loop.
      const early = round % 2 === 1;
      const delayMs = early ? 40 + Math.random() * 260 : Math.random() * 120;
      expected.push(...(await runAndKill(build, vaultPath, round, delayMs, early)));
      // The vault file is always whole: it parses after every kill.
      await expect(new FileKeyStore(vaultPath).readAll()).resolves.toBeInstanceOf(Map);
    }
    expect(expected.length).toBeGreaterThan(20);

    const vault = new KeyVault({
      store: new FileKeyStore(vaultPath),
      unsafeTestIterations: 1000,
    });
    await vault.unlock('crash-test-password');
    for (const { provider, key } of expected) {
      expect(await vault.retrieve(provider)).toBe(key);
    }
    expect((await vault.verifyAuditLog()).valid).toBe(true);
    // Temporary files of killed writers are cleaned up when the store is next opened.
    const leftovers = (await readdir(directory)).filter((name) => name.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 60_000);
});
