import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { VaultError } from '../errors/vault-error.js';
import {
  applyBatch,
  checkExpectations,
  type KeyStore,
  type KeyStoreBatch,
} from '../stores/key-store.js';
import { WriteQueue } from '../vault/write-queue.js';

/** Options of `FileKeyStore`. */
export interface FileKeyStoreOptions {
  /** Path of the vault file, e.g. `~/.thinkbackcode/vault.json`. Its folder is created (0700). */
  path: string;
}

interface VaultFile {
  format: 'thinkbackcode-vault-file';
  v: 1;
  records: Record<string, string>;
}

const FILE_MODE = 0o600;
const queuesByPath = new Map<string, WriteQueue>();
const DIRECTORY_MODE = 0o700;

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * A `KeyStore` in one JSON file, for servers, CLIs and laptops. Every write goes to a temporary
 * file in the same folder (mode 0600), is fsynced, renamed over the vault and the folder is
 * fsynced: a crash at any moment leaves the old or the new vault, never a mix.
 */
export class FileKeyStore implements KeyStore {
  readonly path: string;
  /** One queue per path, shared by every `FileKeyStore` of this process on that file. */
  readonly #queue: WriteQueue;
  #orphansCleaned = false;

  constructor(options: FileKeyStoreOptions | string) {
    this.path = typeof options === 'string' ? options : options.path;
    let queue = queuesByPath.get(this.path);
    if (queue === undefined) {
      queue = new WriteQueue();
      queuesByPath.set(this.path, queue);
    }
    this.#queue = queue;
  }

  async readAll(): Promise<Map<string, string>> {
    await this.#cleanOrphans();
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return new Map();
      throw new VaultError('storage', 'The vault file could not be read.', { cause: error });
    }
    return parseVaultFile(text);
  }

  write(batch: KeyStoreBatch): Promise<void> {
    return this.#queue.run(async () => {
      const records = await this.readAll();
      checkExpectations(records, batch);
      applyBatch(records, batch);
      const file: VaultFile = {
        format: 'thinkbackcode-vault-file',
        v: 1,
        records: Object.fromEntries(
          [...records].sort(([left], [right]) => (left < right ? -1 : 1)),
        ),
      };
      await this.#writeAtomically(`${JSON.stringify(file, null, 1)}\n`);
    });
  }

  async #writeAtomically(text: string): Promise<void> {
    const directory = dirname(this.path);
    const temporary = join(
      directory,
      `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
    );
    try {
      await mkdir(directory, { recursive: true, mode: DIRECTORY_MODE });
      const handle = await open(temporary, 'wx', FILE_MODE);
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw new VaultError('storage', 'The vault file could not be written.', { cause: error });
    }
    await syncDirectory(directory);
  }

  /** Removes temporary files left by processes that died mid-write (their pid is gone). */
  async #cleanOrphans(): Promise<void> {
    if (this.#orphansCleaned) return;
    this.#orphansCleaned = true;
    const prefix = `.${basename(this.path)}.`;
    let names: string[];
    try {
      names = await readdir(dirname(this.path));
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const pid = Number(name.slice(prefix.length).split('.')[0]);
      if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) {
        await unlink(join(dirname(this.path), name)).catch(() => undefined);
      }
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return !isErrno(error, 'ESRCH');
  }
}

async function syncDirectory(directory: string): Promise<void> {
  // Makes the rename itself durable. Some platforms (Windows) cannot open folders: skip there.
  const handle = await open(directory, 'r').catch(() => undefined);
  if (handle === undefined) return;
  try {
    await handle.sync();
  } catch {
    // fsync on a directory is unsupported on some file systems; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

function parseVaultFile(text: string): Map<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new VaultError('integrity', 'The vault file is damaged (not valid JSON).');
  }
  const file = value as Partial<VaultFile> | null;
  if (
    typeof file !== 'object' ||
    file === null ||
    file.format !== 'thinkbackcode-vault-file' ||
    file.v !== 1 ||
    typeof file.records !== 'object' ||
    file.records === null
  ) {
    throw new VaultError('integrity', 'The vault file is damaged (unknown format).');
  }
  const records = new Map<string, string>();
  for (const [name, record] of Object.entries(file.records)) {
    if (typeof record === 'string') records.set(name, record);
  }
  return records;
}
