import { MigrationError } from './errors.js';
import { parseJson } from './json/parse-json.js';
import { isJsonObject } from './mapping/fields.js';
import { createIdAllocator } from './mapping/ids.js';
import { mapProfile } from './mapping/map-profile.js';
import { attachSecrets } from './secrets.js';
import { readSource } from './sources/read-source.js';
import type {
  MigratedProfile,
  MigrationResult,
  ModelPreference,
  UnsupportedProfile,
} from './types.js';

/**
 * Reads a Kilo Code / Roo Code settings export, a Kilo Code CLI config or a Cline `providers.json`
 * (given as JSON text or as the parsed object; the format is detected) and maps its profiles onto
 * ThinkBackCode provider configs. Nothing is written. The result never contains a key: keys stay
 * attached to the returned object for `applyMigration`, and are lost when it is copied.
 *
 * @throws MigrationError `invalid_json` (with line and column), `unrecognized_format` or `invalid_input`.
 */
export function importKiloCodeConfig(input: string | object): MigrationResult {
  let value: unknown;
  let duplicateKeys: string[][] = [];
  if (typeof input === 'string') {
    ({ value, duplicateKeys } = parseJson(input));
  } else if (isJsonObject(input)) {
    value = input;
  } else {
    throw new MigrationError('importKiloCodeConfig expects JSON text or a parsed settings object', {
      code: 'invalid_input',
    });
  }
  const document = readSource(value, duplicateKeys);
  const allocateId = createIdAllocator();
  const profiles: MigratedProfile[] = [];
  const unsupported: UnsupportedProfile[] = [];
  const secrets = new Map<string, string>();
  for (const source of document.profiles) {
    const outcome = mapProfile(source, allocateId);
    if (outcome.kind === 'unsupported') {
      unsupported.push(outcome.entry);
      continue;
    }
    profiles.push(outcome.profile);
    if (outcome.secret !== undefined) secrets.set(outcome.profile.id, outcome.secret);
  }

  const warnings = [...document.warnings];
  const byName = new Map(profiles.map((profile) => [profile.name, profile]));
  const unsupportedByName = new Map(unsupported.map((entry) => [entry.name, entry]));
  const modelPreferences: Record<string, ModelPreference> = {};
  for (const [mode, name] of Object.entries(document.modes)) {
    const profile = byName.get(name);
    if (profile !== undefined) {
      modelPreferences[mode] = {
        profile: name,
        id: profile.id,
        ...(profile.model === undefined ? {} : { model: profile.model }),
      };
    } else if (unsupportedByName.has(name)) {
      warnings.push(`The mode "${mode}" used the profile "${name}", which was not migrated`);
    }
  }
  const active =
    document.activeProfile === undefined ? undefined : byName.get(document.activeProfile);
  if (document.activeProfile !== undefined && active === undefined) {
    warnings.push(`The active profile "${document.activeProfile}" was not migrated`);
  }
  if (document.profiles.length === 0) warnings.push('The file holds no provider profiles');

  const result: MigrationResult = {
    format: document.format,
    profiles,
    unsupported,
    modelPreferences,
    ...(active === undefined ? {} : { activeProfile: active.id }),
    warnings,
  };
  attachSecrets(result, secrets);
  return result;
}
