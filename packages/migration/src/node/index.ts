export { type ImportFileOptions, importKiloCodeConfigFile } from './import-file.js';
export { NodeMigrationService } from './node-migration-service.js';
