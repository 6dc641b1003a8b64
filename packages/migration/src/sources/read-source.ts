import { MigrationError } from '../errors.js';
import { isJsonObject } from '../mapping/fields.js';
import { readClineProviders } from './cline-providers.js';
import { readKiloCliConfig } from './kilo-cli.js';
import { detectSettingsOrigin, readSettingsExport } from './settings-export.js';
import type { SourceDocument } from './source-document.js';

/**
 * Detects the format of a parsed document and reads it:
 * - `providerProfiles` object → Kilo Code or Roo Code settings export;
 * - `apiConfigs` object → the bare provider-profiles blob;
 * - `providers` array of `{ provider }` entries → Kilo Code CLI config;
 * - `providers` object of `{ settings }` entries (or `lastUsedProvider`) → Cline `providers.json`.
 */
export function readSource(
  value: unknown,
  duplicateKeys: readonly string[][] = [],
): SourceDocument {
  if (!isJsonObject(value)) {
    throw new MigrationError(
      `Unrecognised settings file: expected a JSON object, found ${describeType(value)}`,
      { code: 'unrecognized_format' },
    );
  }
  if (isJsonObject(value.providerProfiles)) {
    return readSettingsExport(value.providerProfiles, {
      format: detectSettingsOrigin(value.providerProfiles, value.globalSettings),
      path: ['providerProfiles'],
      duplicateKeys,
      globalSettings: value.globalSettings,
    });
  }
  if (isJsonObject(value.apiConfigs)) {
    return readSettingsExport(value, { format: 'provider-profiles', path: [], duplicateKeys });
  }
  if (Array.isArray(value.providers)) return readKiloCliConfig(value);
  if (isJsonObject(value.providers) || typeof value.lastUsedProvider === 'string') {
    return readClineProviders(value);
  }
  // Field names are not quoted back: in a file of secrets even a name could be one.
  const count = Object.keys(value).length;
  throw new MigrationError(
    'Unrecognised settings file: expected a Kilo Code or Roo Code settings export ("providerProfiles"), a Kilo Code CLI config ("providers" array) or a Cline providers.json ("providers" object); ' +
      (count === 0
        ? 'the object is empty'
        : `none of its ${count} top-level fields is one of these`),
    { code: 'unrecognized_format' },
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
