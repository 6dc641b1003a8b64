export type { AuditVerification } from './audit/audit-chain.js';
export type { AuditAction, AuditEntry, AuditEvent, AuditOutcome } from './audit/audit-entry.js';
export type {
  BundleEntry,
  BundleKeyVersion,
  BundlePayload,
  ExportOptions,
  ImportOptions,
  ImportReport,
  ImportResult,
  KeyReference,
  ProviderConfigSummary,
} from './bundle/config-bundle.js';
export { type Envelope, parseEnvelope, parseEnvelopeJson } from './crypto/envelope.js';
export {
  type KdfOptions,
  type KdfPolicy,
  MAXIMUM_ITERATIONS,
  MINIMUM_ITERATIONS,
  /** Resolves `KdfOptions` into the work factor to write with and the least accepted on read. */
  resolveKdfPolicy,
} from './crypto/key-derivation.js';
export {
  /** Decrypts a v1 envelope with a one-off password (failure: `wrong_password`). */
  decryptWithPassword,
  /** Encrypts text with a one-off password into a v1 envelope (fresh salt and IV). */
  encryptWithPassword,
  /**
   * Envelopes under one password held as a non-extractable key; derived AES keys are cached by
   * salt, so only the first use of an envelope pays the PBKDF2 (used by the gateway for keys at
   * rest).
   */
  PasswordCipher,
} from './crypto/password-cipher.js';
export { VaultError, type VaultErrorCode, type VaultErrorOptions } from './errors/vault-error.js';
export {
  MINIMUM_SECRET_LENGTH,
  REDACTED,
  redact,
  redactValue,
  registerSecret,
  unregisterSecret,
} from './redact/redact.js';
export {
  type SecureSession,
  SecurityManager,
  type SecurityManagerOptions,
} from './session/security-manager.js';
export {
  IndexedDBKeyStore,
  type IndexedDBKeyStoreOptions,
} from './stores/indexeddb-key-store.js';
export {
  type KeyStore,
  type KeyStoreBatch,
  KeyStoreConflict,
} from './stores/key-store.js';
export { MemoryKeyStore } from './stores/memory-key-store.js';
export type {
  EntrySelector,
  KeyInfo,
  RotateOptions,
  StorageOptions,
} from './vault/entry-options.js';
export type { AccessContext } from './vault/entry-vault.js';
export { KeyVault } from './vault/key-vault.js';
export type { JsonValue } from './vault/records.js';
export type { KeyVaultOptions } from './vault/vault-core.js';
