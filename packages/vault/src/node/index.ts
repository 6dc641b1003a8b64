export { FileKeyStore, type FileKeyStoreOptions } from './file-key-store.js';
