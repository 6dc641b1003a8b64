export { type ImportFileOptions, importKiloCodeConfigFile } from './import-file.js';
