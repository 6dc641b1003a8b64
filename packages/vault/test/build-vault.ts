import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const sourceDirectory = fileURLToPath(new URL('../src/', import.meta.url));

/** A throwaway JavaScript build of the vault (main entry, `./node`, `./testing`). */
export interface VaultBuild {
  /** Folder holding `index.js`, `node/index.js`, `testing/index.js`. */
  directory: string;
  /** Deletes the build. */
  remove(): Promise<void>;
}

/**
 * Compiles `packages/vault/src` with tsc into a fresh temporary folder, so child processes and
 * browsers can load plain ESM without touching the package's `dist` (other tests may build it).
 */
export async function buildVault(): Promise<VaultBuild> {
  const directory = await mkdtemp(join(tmpdir(), 'tbc-vault-build-'));
  const require = createRequire(import.meta.url);
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  await run(process.execPath, [
    tsc,
    '--outDir',
    directory,
    '--rootDir',
    sourceDirectory,
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--lib',
    'es2023,dom',
    '--types',
    'node',
    '--strict',
    '--skipLibCheck',
    '--ignoreConfig',
    join(sourceDirectory, 'index.ts'),
    join(sourceDirectory, 'node', 'index.ts'),
    join(sourceDirectory, 'testing', 'index.ts'),
  ]);
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
