import { isJsonObject, type JsonObject, readString } from '../mapping/fields.js';
import type { SourceProfile } from '../mapping/map-profile.js';
import type { SourceFormat } from '../types.js';
import type { SourceDocument } from './source-document.js';

/** Provider ids and field prefixes only Kilo Code has (its `kilocode_change` blocks). */
const KILO_PROVIDERS = new Set([
  'kilocode',
  'kilocode-openrouter',
  'virtual-quota-fallback',
  'openai-responses',
  'synthetic',
  'ovhcloud',
]);
/** Provider ids only Roo Code has. */
const ROO_PROVIDERS = new Set(['roo', 'openai-codex', 's2scopilot']);

/**
 * Reads the `providerProfiles` blob of a Kilo Code or Roo Code settings export:
 * `apiConfigs` (name → profile), `currentApiConfigName`, `modeApiConfigs` (mode → profile id).
 * `path` locates the blob in the document, to match repeated keys the JSON parser reported.
 */
export function readSettingsExport(
  blob: JsonObject,
  options: {
    format: SourceFormat;
    path: readonly string[];
    duplicateKeys: readonly string[][];
    globalSettings?: unknown;
  },
): SourceDocument {
  const warnings: string[] = [];
  const profiles: SourceProfile[] = [];
  const apiConfigs = blob.apiConfigs;
  if (apiConfigs !== undefined && !isJsonObject(apiConfigs)) {
    warnings.push('providerProfiles.apiConfigs is not an object; no profile could be read');
  }
  const idToName = new Map<string, string>();
  for (const [name, value] of Object.entries(isJsonObject(apiConfigs) ? apiConfigs : {})) {
    if (!isJsonObject(value)) {
      profiles.push({
        name,
        apiProvider: undefined,
        fields: {},
        invalidReason: 'the profile is not a JSON object',
      });
      continue;
    }
    const profileId = readString(value, 'id');
    const apiProvider = value.apiProvider;
    if (profileId !== undefined && !idToName.has(profileId)) idToName.set(profileId, name);
    profiles.push({
      name,
      ...(profileId === undefined ? {} : { profileId }),
      apiProvider: typeof apiProvider === 'string' && apiProvider !== '' ? apiProvider : undefined,
      fields: value,
      ...(apiProvider !== undefined && typeof apiProvider !== 'string'
        ? { invalidReason: 'apiProvider is not a string' }
        : {}),
    });
  }
  const apiConfigsPath = [...options.path, 'apiConfigs'].join('\u0000');
  for (const duplicate of options.duplicateKeys) {
    if (duplicate.slice(0, -1).join('\u0000') === apiConfigsPath) {
      warnings.push(
        `The profile "${duplicate.at(-1)}" appears twice in the file; only the last one was read`,
      );
    }
  }

  const names = new Set(profiles.map((profile) => profile.name));
  const current = readString(blob, 'currentApiConfigName');
  if (current !== undefined && !names.has(current)) {
    warnings.push(`The active profile "${current}" is not among the exported profiles`);
  }

  const modes: Record<string, string> = {};
  const modeApiConfigs = blob.modeApiConfigs;
  for (const [mode, reference] of Object.entries(
    isJsonObject(modeApiConfigs) ? modeApiConfigs : {},
  )) {
    if (typeof reference !== 'string') continue;
    // Mode assignments hold profile ids; some older files hold names.
    const name = idToName.get(reference) ?? (names.has(reference) ? reference : undefined);
    if (name === undefined) {
      warnings.push(`The mode "${mode}" uses a profile id that is not in the file; it was skipped`);
    } else {
      modes[mode] = name;
    }
  }

  if (isJsonObject(options.globalSettings)) {
    const count = Object.keys(options.globalSettings).length;
    if (count > 0) {
      warnings.push(
        `globalSettings (${count} UI and behaviour settings such as auto-approval and custom modes) are not migrated: ThinkBackCode has no equivalent`,
      );
    }
  }

  return {
    format: options.format,
    profiles,
    ...(current !== undefined && names.has(current) ? { activeProfile: current } : {}),
    modes,
    warnings,
  };
}

/** Tells a Kilo Code export from a Roo Code one by the providers and fields only one has. */
export function detectSettingsOrigin(blob: JsonObject, globalSettings: unknown): SourceFormat {
  const apiConfigs = isJsonObject(blob.apiConfigs) ? Object.values(blob.apiConfigs) : [];
  let roo = false;
  for (const profile of apiConfigs) {
    if (!isJsonObject(profile)) continue;
    const provider = profile.apiProvider;
    if (typeof provider === 'string' && KILO_PROVIDERS.has(provider)) return 'kilo-settings-export';
    if (
      Object.keys(profile).some((field) => field.startsWith('kilocode') || field === 'profileType')
    ) {
      return 'kilo-settings-export';
    }
    if (typeof provider === 'string' && ROO_PROVIDERS.has(provider)) roo = true;
    if ('rooApiKey' in profile) roo = true;
  }
  if (isJsonObject(globalSettings)) {
    if (Object.keys(globalSettings).some((key) => key.toLowerCase().startsWith('kilocode'))) {
      return 'kilo-settings-export';
    }
  }
  return roo ? 'roo-settings-export' : 'kilo-settings-export';
}
