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
  MAXIMUM_ITERATIONS,
  MINIMUM_ITERATIONS,
} from './crypto/key-derivation.js';
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
export type { KeyStore, KeyStoreBatch } from './stores/key-store.js';
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
