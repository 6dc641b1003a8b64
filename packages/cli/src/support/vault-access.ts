import { join } from 'node:path';
import { KeyVault, VaultError } from '@thinkbackcode/vault';
import { FileKeyStore } from '@thinkbackcode/vault/node';
import type { CommandContext } from '../command.js';
import { promptSecret } from '../terminal.js';
import { CommandError } from './errors.js';
import { withProgress } from './progress.js';

/** The vault file inside the data directory. */
export const VAULT_FILE_NAME = 'vault.json';

/** Shortest password accepted for a new vault. */
export const MINIMUM_PASSWORD_LENGTH = 8;

/** Where the vault of a data directory lives. */
export const vaultPath = (dataDir: string): string => join(dataDir, VAULT_FILE_NAME);

/** Options of `withVault`. */
export interface VaultAccessOptions {
  /** Create the vault when the data directory has none (default false: that is an error). */
  create?: boolean;
}

/** A locked `KeyVault` over the data directory's vault file. */
export function createCliVault(dataDir: string): KeyVault {
  return new KeyVault({ store: new FileKeyStore(vaultPath(dataDir)), actor: 'cli' });
}

/**
 * Asks for a password that must be typed twice on a terminal (new vaults, export bundles).
 * From a pipe it is read once. `environmentName` names a variable that supplies it for scripts.
 */
export async function askNewPassword(
  context: CommandContext,
  question: string,
  environmentName?: string,
): Promise<string> {
  const fromEnvironment =
    environmentName === undefined ? undefined : context.terminal.env[environmentName];
  const password = fromEnvironment || (await promptSecret(context.terminal, question));
  if (password === undefined || password === '') throw new CommandError('No password given.');
  if (password.length < MINIMUM_PASSWORD_LENGTH) {
    throw new CommandError(`The password must be at least ${MINIMUM_PASSWORD_LENGTH} characters.`);
  }
  if (!fromEnvironment && context.terminal.stdin.isTTY) {
    const again = await promptSecret(context.terminal, 'Repeat it: ');
    if (again !== password) throw new CommandError('The passwords do not match.');
  }
  return password;
}

/** Asks for an existing password (or reads it from `environmentName`). */
export async function askPassword(
  context: CommandContext,
  question: string,
  environmentName?: string,
): Promise<string> {
  const fromEnvironment =
    environmentName === undefined ? undefined : context.terminal.env[environmentName];
  const password = fromEnvironment || (await promptSecret(context.terminal, question));
  if (password === undefined || password === '') throw new CommandError('No password given.');
  return password;
}

/**
 * Unlocks the data directory's vault with `THINKBACKCODE_VAULT_PASSWORD` or a password typed
 * without echo, runs `work`, and locks it again (which writes pending audit entries).
 */
export async function withVault<T>(
  context: CommandContext,
  options: VaultAccessOptions,
  work: (vault: KeyVault) => Promise<T>,
): Promise<T> {
  const vault = createCliVault(context.dataDir);
  const initialized = await vault.isInitialized();
  if (!initialized && options.create !== true) {
    throw new CommandError(
      `There is no vault in ${context.dataDir} yet: add a key with "thinkbackcode keys add <provider>".`,
    );
  }
  const password = initialized
    ? await askPassword(context, 'Vault password: ', 'THINKBACKCODE_VAULT_PASSWORD')
    : await askNewPassword(context, 'New vault password: ', 'THINKBACKCODE_VAULT_PASSWORD');
  try {
    await withProgress(
      context.terminal,
      initialized ? 'Deriving the vault key' : `Creating a vault in ${vaultPath(context.dataDir)}`,
      () => vault.unlock(password),
    );
  } catch (error) {
    if (VaultError.hasCode(error, 'wrong_password'))
      throw new CommandError('Wrong vault password.');
    throw error;
  }
  try {
    return await work(vault);
  } finally {
    await vault.lock();
  }
}
