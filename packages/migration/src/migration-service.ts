import { type ApplyOptions, type ApplyReport, applyMigration } from './apply-migration.js';
import { MigrationError } from './errors.js';
import { formatMigrationReport } from './format-report.js';
import { importKiloCodeConfig } from './import-config.js';
import type { ConfigStorage, MigrationKeyVault } from './storage.js';
import type { MigrationResult, ValidationResult } from './types.js';
import { validateMigration } from './validate-migration.js';

/** Default destinations of `MigrationService.applyMigration`. */
export interface MigrationServiceOptions {
  configStorage?: ConfigStorage;
  /** An unlocked vault. */
  vault?: MigrationKeyVault;
}

/**
 * Migration from Kilo Code, Roo Code and Cline: import (pure, browser-safe), validate, report and
 * apply. The same functions are exported on their own; this class binds the destinations once.
 */
export class MigrationService {
  readonly #options: MigrationServiceOptions;

  constructor(options: MigrationServiceOptions = {}) {
    this.#options = options;
  }

  /** See the `importKiloCodeConfig` function. */
  importKiloCodeConfig(input: string | object): MigrationResult {
    return importKiloCodeConfig(input);
  }

  /** See the `validateMigration` function. */
  validateMigration(result: MigrationResult): ValidationResult {
    return validateMigration(result);
  }

  /** See the `formatMigrationReport` function. */
  formatMigrationReport(result: MigrationResult): string {
    return formatMigrationReport(result);
  }

  /**
   * Applies `result` to the destinations given here or to the constructor.
   * @throws MigrationError `invalid_input` when no config storage or vault is known.
   */
  async applyMigration(
    result: MigrationResult,
    options: Partial<ApplyOptions> = {},
  ): Promise<ApplyReport> {
    const configStorage = options.configStorage ?? this.#options.configStorage;
    const vault = options.vault ?? this.#options.vault;
    if (configStorage === undefined || vault === undefined) {
      throw new MigrationError('applyMigration needs a config storage and an unlocked vault', {
        code: 'invalid_input',
      });
    }
    return applyMigration(result, { ...options, configStorage, vault });
  }
}
