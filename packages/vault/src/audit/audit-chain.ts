import { sha256Hex } from '../crypto/encoding.js';
import {
  AUDIT_HEAD_RECORD,
  type AuditEntry,
  type AuditEvent,
  auditHashInput,
  auditRecordName,
  GENESIS_HASH,
  parseAuditEntry,
} from './audit-entry.js';

/** The last link of the chain. */
export interface AuditHead {
  seq: number;
  hash: string;
}

/** Result of `verifyAuditChain`. */
export interface AuditVerification {
  /** True when every entry is intact, in order, with none missing. */
  valid: boolean;
  /** Number of entries read. */
  entries: number;
  /** The first problem found: the entry `seq` concerned and what is wrong with it. */
  problem?: {
    seq: number;
    reason: 'edited' | 'missing' | 'unreadable' | 'head_mismatch';
  };
}

/** Reads the head record, or the empty chain's head when there is none. */
export function readAuditHead(records: ReadonlyMap<string, string>): AuditHead {
  const text = records.get(AUDIT_HEAD_RECORD);
  if (text !== undefined) {
    try {
      const value: unknown = JSON.parse(text);
      if (typeof value === 'object' && value !== null) {
        const { seq, hash } = value as Record<string, unknown>;
        if (typeof seq === 'number' && typeof hash === 'string') return { seq, hash };
      }
    } catch {
      // An unreadable head is reported by verifyAuditChain; appends restart from the entries.
    }
  }
  return { seq: 0, hash: GENESIS_HASH };
}

/**
 * Where the next audit entry goes: after the recorded head, or after the highest stored entry
 * when that is further on or the head is missing or damaged, so that no existing audit record
 * is ever overwritten. Verification still reports a missing or stale head.
 */
export function readAppendHead(records: ReadonlyMap<string, string>): AuditHead {
  const head = readAuditHead(records);
  let highest = 0;
  for (const name of records.keys()) {
    const match = /^audit\/(\d{1,15})$/.exec(name);
    if (match !== null) highest = Math.max(highest, Number(match[1]));
  }
  if (highest <= head.seq) return head;
  const last = parseAuditEntry(records.get(auditRecordName(highest)) ?? '');
  // An unreadable last entry: the chain is broken there anyway; keep going after it.
  return { seq: highest, hash: last?.seq === highest ? last.hash : GENESIS_HASH };
}

/**
 * Chains `events` after `head`: returns the new entries, the records to write (entries and
 * the new head) and the new head. Nothing is written here.
 */
export async function chainAuditEvents(
  head: AuditHead,
  events: readonly (AuditEvent & { time: string; actor: string })[],
): Promise<{ entries: AuditEntry[]; records: Record<string, string>; head: AuditHead }> {
  const entries: AuditEntry[] = [];
  const records: Record<string, string> = {};
  let current = head;
  for (const event of events) {
    const unhashed = { ...event, seq: current.seq + 1, previousHash: current.hash };
    const entry: AuditEntry = { ...unhashed, hash: await sha256Hex(auditHashInput(unhashed)) };
    entries.push(entry);
    records[auditRecordName(entry.seq)] = JSON.stringify(entry);
    current = { seq: entry.seq, hash: entry.hash };
  }
  if (entries.length > 0) records[AUDIT_HEAD_RECORD] = JSON.stringify(current);
  return { entries, records, head: current };
}

/** Every audit entry in the records, in chain order (unparseable ones left out). */
export function readAuditEntries(records: ReadonlyMap<string, string>): AuditEntry[] {
  return [...records.keys()]
    .filter((name) => name.startsWith('audit/'))
    .sort()
    .map((name) => parseAuditEntry(records.get(name) ?? ''))
    .filter((entry): entry is AuditEntry => entry !== undefined);
}

/**
 * Checks the chain in `records`: every entry's hash, every link to the entry before, no gap
 * in `seq`, and that the last entry is the recorded head (so a deleted tail is caught too).
 */
export async function verifyAuditChain(
  records: ReadonlyMap<string, string>,
): Promise<AuditVerification> {
  const names = [...records.keys()].filter((name) => name.startsWith('audit/')).sort();
  let previous: AuditHead = { seq: 0, hash: GENESIS_HASH };
  for (const name of names) {
    const entry = parseAuditEntry(records.get(name) ?? '');
    if (entry === undefined || auditRecordName(entry.seq) !== name) {
      return {
        valid: false,
        entries: names.length,
        problem: { seq: previous.seq + 1, reason: 'unreadable' },
      };
    }
    if (entry.seq !== previous.seq + 1) {
      return {
        valid: false,
        entries: names.length,
        problem: { seq: previous.seq + 1, reason: 'missing' },
      };
    }
    const { hash, ...unhashed } = entry;
    if (hash !== (await sha256Hex(auditHashInput(unhashed)))) {
      return { valid: false, entries: names.length, problem: { seq: entry.seq, reason: 'edited' } };
    }
    if (entry.previousHash !== previous.hash) {
      return { valid: false, entries: names.length, problem: { seq: entry.seq, reason: 'edited' } };
    }
    previous = { seq: entry.seq, hash: entry.hash };
  }
  const head = readAuditHead(records);
  const headPresent = records.has(AUDIT_HEAD_RECORD);
  if (
    (headPresent || previous.seq > 0) &&
    (head.seq !== previous.seq || head.hash !== previous.hash)
  ) {
    const reason = head.seq > previous.seq ? 'missing' : 'head_mismatch';
    return { valid: false, entries: names.length, problem: { seq: previous.seq + 1, reason } };
  }
  return { valid: true, entries: names.length };
}
