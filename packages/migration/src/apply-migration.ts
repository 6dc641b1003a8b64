import { MigrationError } from './errors.js';
import { readSecrets } from './secrets.js';
import type { ConfigStorage, MigrationKeyVault, StoredModelPreferences } from './storage.js';
import type { MigrationResult, ProfileSettings } from './types.js';
import { validateMigration } from './validate-migration.js';

/** What happened to one stored item. */
export type ChangeStatus = 'created' | 'updated' | 'unchanged';

/** Where `applyMigration` writes, and how. */
export interface ApplyOptions {
  configStorage: ConfigStorage;
  /** An unlocked vault (`KeyVault` from `@thinkbackcode/vault`). */
  vault: MigrationKeyVault;
  /** Compute what would change without writing anything (default false). */
  dryRun?: boolean;
  /** Called before each write, for progress display. */
  onProgress?: (event: {
    step: 'config' | 'key' | 'preferences';
    id: string;
    index: number;
    total: number;
  }) => void;
}

/** What `applyMigration` did (or, in a dry run, would do). */
export interface ApplyReport {
  /** True when anything was (or would be) written. */
  changed: boolean;
  configs: Array<{ id: string; status: ChangeStatus }>;
  keys: Array<{ id: string; status: ChangeStatus }>;
  /** `not-supported` when the storage has no `saveModelPreferences`; `none` when there are none. */
  preferences: ChangeStatus | 'not-supported' | 'none';
}

type Undo = { label: string; id: string; run: () => Promise<unknown> };

/**
 * Writes the migrated configs to `configStorage` and their keys to the vault. Idempotent:
 * what is already stored identically is left alone and reported `unchanged`. Atomic: when a
 * write fails, every earlier write is undone (previous values restored) before the error is thrown.
 *
 * @throws MigrationError `invalid_migration` (validation errors), `missing_secrets`,
 *   `apply_failed` (rolled back) or `rollback_failed` (`notRestored` lists the ids left changed).
 */
export async function applyMigration(
  result: MigrationResult,
  options: ApplyOptions,
): Promise<ApplyReport> {
  const validation = validateMigration(result);
  if (!validation.valid) {
    const keysLost = validation.errors.some((issue) => issue.code === 'keys_unavailable');
    throw new MigrationError(
      `The migration has ${validation.errors.length} error(s) and was not applied: ${validation.errors
        .slice(0, 3)
        .map((issue) => issue.message)
        .join('; ')}`,
      { code: keysLost ? 'missing_secrets' : 'invalid_migration' },
    );
  }
  const secrets = readSecrets(result) ?? new Map<string, string>();
  const { configStorage, vault, dryRun = false, onProgress } = options;
  const report: ApplyReport = { changed: false, configs: [], keys: [], preferences: 'none' };
  const undo: Undo[] = [];
  // Keys found in the vault are secrets too: no error message may repeat them.
  const knownSecrets = new Set(secrets.values());
  const total = result.profiles.length + secrets.size + 1;
  let index = 0;
  let current = { label: 'reading the stored configs', id: '' };
  try {
    for (const profile of result.profiles) {
      current = { label: 'saving the config', id: profile.id };
      const existing = await configStorage.loadProviderConfig(profile.id);
      const status = compare(existing, profile.config);
      report.configs.push({ id: profile.id, status });
      if (status === 'unchanged' || dryRun) continue;
      onProgress?.({ step: 'config', id: profile.id, index: index++, total });
      await configStorage.saveProviderConfig(profile.id, profile.config);
      undo.push({
        label: 'config',
        id: profile.id,
        run: async () =>
          existing === undefined || existing === null
            ? configStorage.deleteProviderConfig(profile.id)
            : configStorage.saveProviderConfig(profile.id, existing),
      });
    }
    for (const profile of result.profiles) {
      const key = secrets.get(profile.id);
      if (key === undefined) continue;
      current = { label: 'storing the key', id: profile.id };
      const existing = await vault.retrieve(profile.id);
      if (typeof existing === 'string') knownSecrets.add(existing);
      const status: ChangeStatus =
        existing === null || existing === undefined
          ? 'created'
          : existing === key
            ? 'unchanged'
            : 'updated';
      report.keys.push({ id: profile.id, status });
      if (status === 'unchanged' || dryRun) continue;
      onProgress?.({ step: 'key', id: profile.id, index: index++, total });
      await vault.store(profile.id, key, {
        metadata: { source: result.format, profile: profile.name },
      });
      undo.push({
        label: 'key',
        id: profile.id,
        run: async () =>
          existing === null || existing === undefined
            ? vault.delete(profile.id)
            : vault.store(profile.id, existing),
      });
    }
    current = { label: 'saving the model preferences', id: '' };
    report.preferences = await applyPreferences(result, configStorage, dryRun, undo, () =>
      onProgress?.({ step: 'preferences', id: '', index: index++, total }),
    );
  } catch (error) {
    const notRestored = await rollBack(undo);
    const where = current.id === '' ? current.label : `${current.label} of "${current.id}"`;
    const cause = redact(error, knownSecrets);
    if (notRestored.length > 0) {
      throw new MigrationError(
        `Applying the migration failed while ${where} (${cause}), and undoing the earlier writes failed for: ${notRestored.join(', ')}`,
        { code: 'rollback_failed', notRestored, cause: error },
      );
    }
    throw new MigrationError(
      `Applying the migration failed while ${where} (${cause}); the ${undo.length} earlier write(s) were rolled back`,
      { code: 'apply_failed', cause: error },
    );
  }
  report.changed =
    report.configs.some((entry) => entry.status !== 'unchanged') ||
    report.keys.some((entry) => entry.status !== 'unchanged') ||
    report.preferences === 'created' ||
    report.preferences === 'updated';
  return report;
}

async function applyPreferences(
  result: MigrationResult,
  storage: ConfigStorage,
  dryRun: boolean,
  undo: Undo[],
  progress: () => void,
): Promise<ApplyReport['preferences']> {
  const settings: Record<string, ProfileSettings> = {};
  for (const profile of result.profiles) {
    if (profile.settings !== undefined) settings[profile.id] = profile.settings;
  }
  const preferences: StoredModelPreferences = {
    modes: result.modelPreferences,
    ...(result.activeProfile === undefined ? {} : { activeProfile: result.activeProfile }),
    settings,
  };
  const empty =
    Object.keys(preferences.modes).length === 0 &&
    Object.keys(settings).length === 0 &&
    preferences.activeProfile === undefined;
  if (empty) return 'none';
  if (storage.saveModelPreferences === undefined) return 'not-supported';
  const existing = await storage.loadModelPreferences?.();
  const status = compare(existing, preferences);
  if (status === 'unchanged' || dryRun) return status;
  progress();
  await storage.saveModelPreferences(preferences);
  if (existing !== undefined && existing !== null) {
    undo.push({
      label: 'preferences',
      id: 'model preferences',
      run: async () => storage.saveModelPreferences?.(existing),
    });
  } else {
    // No previous preferences to restore: an empty set is the closest to "none".
    undo.push({
      label: 'preferences',
      id: 'model preferences',
      run: async () => storage.saveModelPreferences?.({ modes: {}, settings: {} }),
    });
  }
  return status;
}

/** Undoes writes newest first; returns the ids that could not be restored. */
async function rollBack(undo: Undo[]): Promise<string[]> {
  const failed: string[] = [];
  for (const step of [...undo].reverse()) {
    try {
      await step.run();
    } catch {
      failed.push(`${step.label} ${step.id}`);
    }
  }
  return failed;
}

function compare(existing: unknown, next: unknown): ChangeStatus {
  if (existing === undefined || existing === null) return 'created';
  return canonical(existing) === canonical(next) ? 'unchanged' : 'updated';
}

/** JSON with object keys sorted, so key order does not make equal configs differ. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    typeof inner === 'object' && inner !== null && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner).sort(([left], [right]) =>
            left < right ? -1 : left > right ? 1 : 0,
          ),
        )
      : inner,
  );
}

/** The error's message with every key of this migration blanked out. */
function redact(error: unknown, secrets: ReadonlySet<string>): string {
  let message = error instanceof Error ? error.message : 'unknown error';
  for (const secret of secrets) {
    if (secret !== '') message = message.split(secret).join('[redacted]');
  }
  return message;
}
