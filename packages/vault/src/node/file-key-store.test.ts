import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyVault, VaultError } from '../index.js';
import {
  CONFORMANCE_SCENARIOS,
  type ConformanceResult,
  runVaultConformance,
} from '../testing/vault-conformance.js';
import { FileKeyStore } from './file-key-store.js';

describe('FileKeyStore', () => {
  let directory: string;
  let results: ConformanceResult[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tbc-vault-file-'));
    results = await runVaultConformance({
      createStore: (name) => new FileKeyStore(join(directory, name, 'vault.json')),
      // The raw bytes are the file on disk, exactly as written.
      readRawBytes: async (store) => readFile((store as FileKeyStore).path),
      vaultOptions: { unsafeTestIterations: 1_000 },
    });
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it.each(CONFORMANCE_SCENARIOS)('%s', (name) => {
    expect(results.find((result) => result.name === name)).toEqual({ name, passed: true });
  });

  it('writes the vault with mode 0600 in a 0700 folder and leaves no temporary file', async () => {
    const path = join(directory, 'modes', 'nested', 'vault.json');
    const vault = new KeyVault({ store: new FileKeyStore(path), unsafeTestIterations: 1_000 });
    await vault.unlock('file-mode-password');
    await vault.store('openai', 'sk-modetest0000000000000000');
    await vault.flush();
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(directory, 'modes', 'nested'))).mode & 0o777).toBe(0o700);
    expect(await readdir(join(directory, 'modes', 'nested'))).toEqual(['vault.json']);
  });

  it('applies a batch as a whole and reads an absent file as empty', async () => {
    const store = new FileKeyStore({ path: join(directory, 'batch', 'vault.json') });
    expect(await store.readAll()).toEqual(new Map());
    await store.write({ put: { a: '1', b: '2' } });
    await store.write({ put: { c: '3' }, delete: ['a'] });
    expect(await store.readAll()).toEqual(
      new Map([
        ['b', '2'],
        ['c', '3'],
      ]),
    );
  });

  it('serialises concurrent writes without losing any', async () => {
    const store = new FileKeyStore(join(directory, 'concurrent', 'vault.json'));
    await Promise.all(
      Array.from({ length: 20 }, (_, index) => store.write({ put: { [`r${index}`]: `${index}` } })),
    );
    expect((await store.readAll()).size).toBe(20);
  });

  it('reports a damaged file as integrity and removes temporary files of dead writers', async () => {
    const folder = join(directory, 'damaged');
    const path = join(folder, 'vault.json');
    await new FileKeyStore(path).write({ put: { a: '1' } });
    // A temporary file left by a process that no longer exists (pid 2^22 + 1 is above pid_max).
    const orphan = join(folder, '.vault.json.4194305.abcdef.tmp');
    await writeFile(orphan, 'half');
    await writeFile(path, '{"format":"thinkbackcode-vault-file","v":1,"rec');
    const error = await new FileKeyStore(path).readAll().catch((caught: unknown) => caught);
    expect(VaultError.hasCode(error, 'integrity')).toBe(true);
    expect(await readdir(folder)).toEqual(['vault.json']);
  });

  it('wraps file-system failures as storage errors', async () => {
    const blocker = join(directory, 'blocker');
    await writeFile(blocker, 'a file where a folder should be');
    const store = new FileKeyStore(join(blocker, 'vault.json'));
    const error = await store.write({ put: { a: '1' } }).catch((caught: unknown) => caught);
    expect(VaultError.hasCode(error, 'storage')).toBe(true);
  });
});
