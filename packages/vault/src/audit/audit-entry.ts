/** What an audit entry records. */
export type AuditAction =
  | 'vault.create'
  | 'vault.unlock'
  | 'vault.lock'
  | 'vault.change_password'
  | 'key.store'
  | 'key.retrieve'
  | 'key.list'
  | 'key.delete'
  | 'key.rotate'
  | 'key.rollback'
  | 'key.remove_previous'
  | 'key.access'
  | 'key.revoke'
  | 'key.use'
  | 'session.create'
  | 'bundle.export'
  | 'bundle.import';

/** How an audited operation ended. */
export type AuditOutcome = 'success' | 'failure' | 'denied';

/** An event before it is chained (what callers hand to the log). */
export interface AuditEvent {
  action: AuditAction;
  outcome: AuditOutcome;
  /** Provider id concerned. */
  provider?: string;
  /** Entry label concerned. */
  label?: string;
  /** Why it failed or was denied: a `VaultError` code such as `expired` or `wrong_password`. */
  reason?: string;
  /** Free-form operation name given to `logKeyUsage` (redacted, at most 200 characters). */
  operation?: string;
  /** Public id of the session that acted (never the session token). */
  sessionId?: string;
}

/**
 * One link of the audit chain: who did what, when, with what outcome. Never holds key
 * material, passwords or session tokens.
 */
export interface AuditEntry extends AuditEvent {
  /** Position in the chain, from 1 with no gaps. */
  seq: number;
  /** When it happened (ISO 8601, UTC). */
  time: string;
  /** Who acted: the vault's `actor` option (e.g. `cli`, `server`, `browser`). */
  actor: string;
  /** `hash` of the entry before (64 zeros for the first). */
  previousHash: string;
  /** SHA-256 (hex) of this entry's fields, `previousHash` included. */
  hash: string;
}

/** Hash of the entry before the first one. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The exact text hashed for an entry: a JSON array with fields in a fixed order, so the hash
 * does not depend on how the record's keys were serialised.
 */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify([
    'thinkbackcode-audit/v1',
    entry.seq,
    entry.time,
    entry.actor,
    entry.action,
    entry.outcome,
    entry.provider ?? null,
    entry.label ?? null,
    entry.reason ?? null,
    entry.operation ?? null,
    entry.sessionId ?? null,
    entry.previousHash,
  ]);
}

/** Name of the record holding audit entry `seq` (zero-padded so names sort in order). */
export function auditRecordName(seq: number): string {
  return `audit/${String(seq).padStart(12, '0')}`;
}

/** Name of the record holding the chain head (`{ seq, hash }` of the last entry). */
export const AUDIT_HEAD_RECORD = 'audit-head';

/** Parses a stored audit entry; `undefined` when it is not one. */
export function parseAuditEntry(text: string): AuditEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { seq, time, actor, action, outcome, previousHash, hash } = record;
  if (
    typeof seq !== 'number' ||
    typeof time !== 'string' ||
    typeof actor !== 'string' ||
    typeof action !== 'string' ||
    typeof outcome !== 'string' ||
    typeof previousHash !== 'string' ||
    typeof hash !== 'string'
  ) {
    return undefined;
  }
  const entry: AuditEntry = {
    seq,
    time,
    actor,
    action: action as AuditAction,
    outcome: outcome as AuditOutcome,
    previousHash,
    hash,
  };
  for (const field of ['provider', 'label', 'reason', 'operation', 'sessionId'] as const) {
    const fieldValue = record[field];
    if (typeof fieldValue === 'string') entry[field] = fieldValue;
  }
  return entry;
}
