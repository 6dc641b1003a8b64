import {
  BUNDLE_AAD,
  type BundleEntry,
  type BundleKeyVersion,
  type BundlePayload,
  type ExportOptions,
  type ImportOptions,
  type ImportReport,
  type ImportResult,
  parseBundlePayload,
  toPlainConfigs,
} from '../bundle/config-bundle.js';
import { parseEnvelopeJson } from '../crypto/envelope.js';
import { decryptWithPassword, encryptWithPassword } from '../crypto/password-cipher.js';
import { VaultError } from '../errors/vault-error.js';
import { EntryVault } from './entry-vault.js';
import { planImport } from './import-plan.js';
import type { EntryRecord, SecretVersion } from './records.js';
import { entryAad } from './records.js';

/**
 * The client-side key vault (the seed's `APIKeyStorage`). Keys are encrypted with AES-256-GCM
 * under keys derived from the user's password (PBKDF2-SHA256, 600,000 iterations, a random salt
 * per entry); only the password opens them. See the package README for the design.
 */
export class KeyVault extends EntryVault {
  /**
   * Encrypts text into an envelope (JSON text) under `password`, or the vault's password when
   * absent (the vault must then be unlocked). A fresh salt and IV every time.
   */
  async encrypt(data: string, password?: string): Promise<string> {
    if (typeof data !== 'string') throw new VaultError('invalid_input', 'data must be a string.');
    const envelope =
      password === undefined
        ? await this.requireCipher({ action: 'key.use', operation: 'encrypt' }).seal(data)
        : await encryptWithPassword(data, password, this.policy);
    return JSON.stringify(envelope);
  }

  /**
   * Decrypts an envelope made by `encrypt`.
   * @throws VaultError `wrong_password` (wrong password or altered data), `integrity` (malformed)
   */
  async decrypt(encryptedData: string, password?: string): Promise<string> {
    const envelope = parseEnvelopeJson(encryptedData);
    if (password !== undefined) return decryptWithPassword(envelope, password, this.policy);
    const cipher = this.requireCipher({ action: 'key.use', operation: 'decrypt' });
    const text = await cipher.open(envelope, undefined, 'wrong_password');
    this.checkSameCipher(cipher);
    return text;
  }

  /**
   * Exports every key (with its previous version) and the given provider configurations as
   * one envelope encrypted under `exportPassword` (which may differ from the vault's).
   */
  async exportBundle<Config extends object>(
    exportPassword: string,
    options: ExportOptions<Config> = {},
  ): Promise<string> {
    const cipher = this.requireCipher({ action: 'bundle.export' });
    const header = this.requireHeader();
    const open = async (entry: EntryRecord, version: SecretVersion): Promise<BundleKeyVersion> => ({
      version: version.version,
      createdAt: version.createdAt,
      ...(version.expiresAt === undefined ? {} : { expiresAt: version.expiresAt }),
      key: await cipher.open(version.secret, entryAad(header.vaultId, entry, version)),
    });
    const entries = await Promise.all(
      [...this.entries.values()].map(async (entry): Promise<BundleEntry> => {
        const bundled: BundleEntry = {
          provider: entry.provider,
          label: entry.label,
          isDefault: entry.isDefault,
          createdAt: entry.createdAt,
          current: await open(entry, entry.current),
        };
        if (entry.rotatedAt !== undefined) bundled.rotatedAt = entry.rotatedAt;
        if (entry.metadata !== undefined) bundled.metadata = entry.metadata;
        if (entry.previous !== undefined) bundled.previous = await open(entry, entry.previous);
        return bundled;
      }),
    );
    const payload: BundlePayload = {
      format: 'thinkbackcode-bundle',
      v: 1,
      exportedAt: this.iso(),
      entries,
      providerConfigs: toPlainConfigs(options.providerConfigs ?? []),
    };
    const envelope = await encryptWithPassword(
      JSON.stringify(payload),
      exportPassword,
      this.policy,
      BUNDLE_AAD,
    );
    if (this.cipher !== cipher) {
      await this.recordAudit({ action: 'bundle.export', outcome: 'denied', reason: 'locked' });
      this.checkSameCipher(cipher);
    }
    await this.recordAudit({ action: 'bundle.export', outcome: 'success' });
    // A lock while the audit entry was written still withholds the bundle.
    this.checkSameCipher(cipher);
    return JSON.stringify(envelope);
  }

  /**
   * Imports a bundle from `exportBundle`: adds new keys, updates changed ones (keeping the
   * vault's version for `rollback`), all in one atomic write. With `dryRun` it only reports.
   * The result's `report` is safe to print; its `providerConfigs` may hold keys.
   * @throws VaultError `wrong_password` (wrong export password or altered bundle), `locked`
   */
  async importBundle<Config = Record<string, unknown>>(
    bundle: string,
    exportPassword: string,
    options: ImportOptions = {},
  ): Promise<ImportResult<Config>> {
    const cipher = this.requireCipher({ action: 'bundle.import' });
    let payload: BundlePayload;
    try {
      const envelope = parseEnvelopeJson(bundle);
      payload = parseBundlePayload(
        await decryptWithPassword(envelope, exportPassword, this.policy, BUNDLE_AAD),
      );
    } catch (error) {
      const reason = VaultError.isInstance(error) ? error.code : 'error';
      await this.recordAudit({ action: 'bundle.import', outcome: 'failure', reason });
      throw error;
    }
    let report: ImportReport | undefined;
    await this.queue.run(async () => {
      this.checkSameCipher(cipher);
      const plan = await planImport(payload, {
        cipher,
        vaultId: this.requireHeader().vaultId,
        entries: [...this.entries.values()],
        now: this.iso(),
      });
      report = { ...plan.report, dryRun: options.dryRun === true };
      const event = {
        action: 'bundle.import' as const,
        outcome: 'success' as const,
        ...(options.dryRun === true ? { operation: 'dry-run' } : {}),
      };
      if (options.dryRun === true) {
        this.auditLater(event);
        return;
      }
      const built = await plan.build();
      this.checkSameCipher(cipher);
      await this.commitNow({ putEntries: built }, [event]);
    });
    return { report: report!, providerConfigs: payload.providerConfigs as Config[] };
  }
}
