export {
  type ApplyOptions,
  type ApplyReport,
  applyMigration,
  type ChangeStatus,
} from './apply-migration.js';
export {
  MigrationError,
  type MigrationErrorCode,
  type MigrationErrorOptions,
  type TextPosition,
} from './errors.js';
export { formatMigrationReport } from './format-report.js';
export { importKiloCodeConfig } from './import-config.js';
export { MigrationService, type MigrationServiceOptions } from './migration-service.js';
export {
  type ConfigStorage,
  createMemoryConfigStorage,
  type MaybePromise,
  type MigrationKeyVault,
  type StoredModelPreferences,
} from './storage.js';
export type {
  MigratedProfile,
  MigrationResult,
  ModelPreference,
  ProfileSettings,
  SourceFormat,
  StoredProviderConfig,
  UnsupportedProfile,
  ValidationIssue,
  ValidationResult,
} from './types.js';
export { validateMigration } from './validate-migration.js';
