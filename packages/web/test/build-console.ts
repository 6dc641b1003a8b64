import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const projectFile = fileURLToPath(new URL('../tsconfig.json', import.meta.url));

/** A throwaway build of the console's browser modules. */
export interface ConsoleBuild {
  /** Folder holding `main.js` and `views/`. */
  directory: string;
  remove(): Promise<void>;
}

/**
 * Compiles the console's browser code with its own tsconfig into a fresh temporary folder, so the
 * test never depends on (or writes) the package's `dist`.
 */
export async function buildConsole(): Promise<ConsoleBuild> {
  const directory = await mkdtemp(join(tmpdir(), 'tbc-web-build-'));
  const require = createRequire(import.meta.url);
  const tsc = join(dirname(require.resolve('typescript/package.json')), 'bin', 'tsc');
  await run(process.execPath, [
    tsc,
    '-p',
    projectFile,
    '--outDir',
    directory,
    '--composite',
    'false',
    '--declaration',
    'false',
    '--incremental',
    'false',
  ]);
  return { directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
