import { MigrationService } from '../migration-service.js';
import type { MigrationResult } from '../types.js';
import { type ImportFileOptions, importKiloCodeConfigFile } from './import-file.js';

/** `MigrationService` plus reading the source file from disk (Node only). */
export class NodeMigrationService extends MigrationService {
  /** See the `importKiloCodeConfigFile` function. */
  importKiloCodeConfigFile(path: string, options?: ImportFileOptions): Promise<MigrationResult> {
    return importKiloCodeConfigFile(path, options);
  }
}
