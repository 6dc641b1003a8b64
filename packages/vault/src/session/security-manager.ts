import type { AuditVerification } from '../audit/audit-chain.js';
import type { AuditEntry } from '../audit/audit-entry.js';
import { randomBytes, randomId, toBase64Url } from '../crypto/encoding.js';
import { VaultError } from '../errors/vault-error.js';
import { redact } from '../redact/redact.js';
import type { EntrySelector } from '../vault/entry-options.js';
import type { KeyVault } from '../vault/key-vault.js';

/** Options of `SecurityManager`. */
export interface SecurityManagerOptions {
  /** Absolute lifetime of a session in milliseconds (default 30 minutes). */
  sessionTtlMs?: number;
  /** A session unused for this long ends, in milliseconds (default 5 minutes). */
  idleTimeoutMs?: number;
  /** Clock in epoch milliseconds (default `Date.now`). */
  now?: () => number;
}

/** A session returned by `createSecureSession`. Keep `token` secret; `id` may be logged. */
export interface SecureSession {
  /** 256 random bits, base64url: the bearer credential for `requestKeyAccess`. */
  token: string;
  /** Public identifier recorded in the audit log (unrelated to the token). */
  id: string;
  /** Creation time, epoch milliseconds. */
  createdAt: number;
  /** Absolute end, epoch milliseconds. */
  expiresAt: number;
  /** Idle limit in milliseconds. */
  idleTimeoutMs: number;
}

interface SessionState {
  id: string;
  expiresAt: number;
  lastUsedAt: number;
  generation: number;
}

const MAXIMUM_OPERATION_LENGTH = 200;

/**
 * Sessions over an unlocked `KeyVault` (the seed's `SecurityManager`): key access only within a
 * valid session, every access recorded in the vault's hash-chained audit log.
 */
export class SecurityManager {
  readonly #vault: KeyVault;
  readonly #sessionTtlMs: number;
  readonly #idleTimeoutMs: number;
  readonly #now: () => number;
  readonly #sessions = new Map<string, SessionState>();

  constructor(vault: KeyVault, options: SecurityManagerOptions = {}) {
    this.#vault = vault;
    this.#sessionTtlMs = options.sessionTtlMs ?? 30 * 60_000;
    this.#idleTimeoutMs = options.idleTimeoutMs ?? 5 * 60_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Starts a session. The vault must be unlocked; locking it ends every session.
   * @throws VaultError `locked`
   */
  async createSecureSession(): Promise<SecureSession> {
    if (!this.#vault.isUnlocked()) {
      await this.#vault.recordAudit({
        action: 'session.create',
        outcome: 'denied',
        reason: 'locked',
      });
      throw new VaultError('locked', 'The vault is locked: unlock it before starting a session.');
    }
    const now = this.#now();
    for (const [token, session] of this.#sessions) {
      if (now >= session.expiresAt || now - session.lastUsedAt >= this.#idleTimeoutMs) {
        this.#sessions.delete(token);
      }
    }
    const token = toBase64Url(randomBytes(32));
    const state: SessionState = {
      id: randomId(),
      expiresAt: now + this.#sessionTtlMs,
      lastUsedAt: now,
      generation: this.#vault.generation,
    };
    this.#sessions.set(token, state);
    await this.#vault.recordAudit({
      action: 'session.create',
      outcome: 'success',
      sessionId: state.id,
    });
    return {
      token,
      id: state.id,
      createdAt: now,
      expiresAt: state.expiresAt,
      idleTimeoutMs: this.#idleTimeoutMs,
    };
  }

  /** Whether `token` names a live session (and marks it used). Ends it if it has lapsed. */
  validateSession(token: string): boolean {
    return this.#liveSession(token) !== undefined;
  }

  /** Ends a session at once. */
  endSession(token: string): void {
    this.#sessions.delete(token);
  }

  /**
   * The provider's key, for a caller holding a live session; records the access.
   * @throws VaultError `invalid_session`, `locked`, `not_found`, `expired`, `integrity`
   */
  async requestKeyAccess(
    provider: string,
    token: string,
    selector: EntrySelector = {},
  ): Promise<string> {
    const session = this.#liveSession(token);
    if (session === undefined) {
      await this.#vault.recordAudit({
        action: 'key.access',
        outcome: 'denied',
        provider,
        reason: 'invalid_session',
      });
      throw new VaultError('invalid_session', 'The session is invalid or has expired.', {
        provider,
      });
    }
    return this.#vault.retrieveOrThrow(provider, {
      ...selector,
      action: 'key.access',
      sessionId: session.id,
    });
  }

  /** Drops the provider's cached key material; the next access derives it again. */
  async revokeKeyAccess(provider: string): Promise<void> {
    this.#vault.forgetCachedKeys(provider);
    await this.#vault.recordAudit({ action: 'key.revoke', outcome: 'success', provider });
  }

  /** Records that a key was used (e.g. `chat`, `models.list`). The operation text is redacted. */
  async logKeyUsage(provider: string, operation: string): Promise<void> {
    await this.#vault.recordAudit({
      action: 'key.use',
      outcome: 'success',
      provider,
      operation: redact(String(operation)).slice(0, MAXIMUM_OPERATION_LENGTH),
    });
  }

  /** The vault's audit log, oldest first. */
  getAuditLog(): Promise<AuditEntry[]> {
    return this.#vault.getAuditLog();
  }

  /** Checks the audit chain (see `KeyVault.verifyAuditLog`). */
  verifyAuditLog(): Promise<AuditVerification> {
    return this.#vault.verifyAuditLog();
  }

  #liveSession(token: string): SessionState | undefined {
    if (typeof token !== 'string') return undefined;
    const session = this.#sessions.get(token);
    if (session === undefined) return undefined;
    const now = this.#now();
    const live =
      this.#vault.isUnlocked() &&
      session.generation === this.#vault.generation &&
      now < session.expiresAt &&
      now - session.lastUsedAt < this.#idleTimeoutMs;
    if (!live) {
      this.#sessions.delete(token);
      return undefined;
    }
    session.lastUsedAt = now;
    return session;
  }
}
