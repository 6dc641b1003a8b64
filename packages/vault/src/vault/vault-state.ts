import { type AuditHead, readAppendHead } from '../audit/audit-chain.js';
import { AUDIT_HEAD_RECORD } from '../audit/audit-entry.js';
import { VaultError } from '../errors/vault-error.js';
import {
  ENTRY_PREFIX,
  type EntryRecord,
  HEADER_RECORD,
  parseEntryRecord,
  parseHeader,
  type VaultHeader,
} from './records.js';

/** What a vault knows after reading its store. */
export interface VaultState {
  header: VaultHeader | undefined;
  entries: Map<string, EntryRecord>;
  /** Entry records that do not parse, by record name, with what could be read of them. */
  damaged: Map<string, { provider?: string; label?: string }>;
  /** Where the next audit entry goes. */
  auditHead: AuditHead;
  /** The stored `audit-head` record as read (the compare-and-swap expectation), or null. */
  auditHeadText: string | null;
}

/** Parses every record of a store into the vault's state. */
export function parseVaultState(records: ReadonlyMap<string, string>): VaultState {
  const headerText = records.get(HEADER_RECORD);
  const header = headerText === undefined ? undefined : parseHeader(headerText);
  const entries = new Map<string, EntryRecord>();
  const damaged = new Map<string, { provider?: string; label?: string }>();
  for (const [name, text] of records) {
    if (!name.startsWith(ENTRY_PREFIX)) continue;
    try {
      const entry = parseEntryRecord(text);
      if (`${ENTRY_PREFIX}${entry.id}` !== name) throw new Error('misplaced');
      entries.set(entry.id, entry);
    } catch {
      damaged.set(name, readableParts(text));
    }
  }
  if (header === undefined && (entries.size > 0 || damaged.size > 0)) {
    throw new VaultError('integrity', 'The vault header is missing but entries exist.');
  }
  return {
    header,
    entries,
    damaged,
    auditHead: readAppendHead(records),
    auditHeadText: records.get(AUDIT_HEAD_RECORD) ?? null,
  };
}

/** The header, entries and damaged names as one string, to tell whether another writer changed them. */
export function stateSnapshot(state: Pick<VaultState, 'header' | 'entries' | 'damaged'>): string {
  const entries = [...state.entries.values()].sort((left, right) => (left.id < right.id ? -1 : 1));
  return JSON.stringify([state.header ?? null, entries, [...state.damaged.keys()].sort()]);
}

/** Provider and label of a damaged entry record, where they can still be read. */
function readableParts(text: string): { provider?: string; label?: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return {};
    const { provider, label } = value as Record<string, unknown>;
    return {
      ...(typeof provider === 'string' ? { provider } : {}),
      ...(typeof label === 'string' ? { label } : {}),
    };
  } catch {
    return {};
  }
}
