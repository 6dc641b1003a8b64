import type { MigrationResult } from './types.js';

/**
 * Keys found by an import, held apart from the result they belong to. The result is plain data
 * that can be printed, serialised or copied; the keys stay here, reachable only through the very
 * result object `importKiloCodeConfig` returned, and vanish with it.
 */
const secretsByResult = new WeakMap<MigrationResult, ReadonlyMap<string, string>>();

/** Links the keys (config id → key) to a result. Internal to this package. */
export function attachSecrets(result: MigrationResult, secrets: ReadonlyMap<string, string>): void {
  secretsByResult.set(result, secrets);
}

/** The keys linked to `result`, or `undefined` for a copy or a deserialised result. */
export function readSecrets(result: MigrationResult): ReadonlyMap<string, string> | undefined {
  return secretsByResult.get(result);
}
