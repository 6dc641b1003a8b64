import type { KeyInfo } from '@thinkbackcode/vault';
import { formatTable } from '../support/table.js';

/** `the key "default" of openai (version 2)`: names a key, never shows it. */
export function describeKey(info: KeyInfo): string {
  return `the key "${info.label}" of ${info.provider} (version ${info.version}${
    info.expiresAt === undefined ? '' : `, expires ${info.expiresAt}`
  })`;
}

const day = (iso: string | undefined) => (iso === undefined ? '-' : iso.slice(0, 10));

/** The `keys list` table: metadata only. */
export function formatKeyTable(keys: readonly KeyInfo[]): string {
  return formatTable(
    ['PROVIDER', 'LABEL', 'DEFAULT', 'VERSION', 'CREATED', 'EXPIRES', 'ROTATED', 'PREVIOUS'],
    keys.map((info) => [
      info.provider,
      info.label,
      info.isDefault ? 'yes' : '',
      String(info.version),
      day(info.createdAt),
      info.expired ? `${day(info.expiresAt)} (expired)` : day(info.expiresAt),
      day(info.rotatedAt),
      info.previousVersion === undefined ? '' : `v${info.previousVersion.version}`,
    ]),
  );
}

/** The listed form of a key for `--json`: `list()` output without the internal entry id. */
export function keyInfoForOutput(info: KeyInfo): Omit<KeyInfo, 'id'> {
  const { id: _id, ...rest } = info;
  return rest;
}
