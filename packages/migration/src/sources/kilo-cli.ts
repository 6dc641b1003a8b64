import { isJsonObject, type JsonObject, readString } from '../mapping/fields.js';
import type { SourceProfile } from '../mapping/map-profile.js';
import { createNameRegistry, type SourceDocument } from './source-document.js';

/**
 * Reads the Kilo Code CLI config: `providers` is an array of `{ id, provider, ...fields }` using
 * the extension's field names with `provider` as the discriminator. The top-level `provider`
 * names the active entry; without one the first entry is taken as active. Other top-level fields
 * are accepted and ignored.
 */
export function readKiloCliConfig(root: JsonObject): SourceDocument {
  const warnings: string[] = [];
  const uniqueName = createNameRegistry(warnings);
  const profiles: SourceProfile[] = [];
  const entries = Array.isArray(root.providers) ? root.providers : [];
  const idToName = new Map<string, string>();
  entries.forEach((entry, index) => {
    if (!isJsonObject(entry)) {
      profiles.push({
        name: uniqueName(`providers[${index}]`),
        apiProvider: undefined,
        fields: {},
        invalidReason: 'the entry is not a JSON object',
      });
      return;
    }
    const id = readString(entry, 'id');
    const name = uniqueName(id ?? `providers[${index}]`);
    if (id !== undefined && !idToName.has(id)) idToName.set(id, name);
    const provider = entry.provider;
    profiles.push({
      name,
      ...(id === undefined ? {} : { profileId: id }),
      apiProvider: typeof provider === 'string' && provider !== '' ? provider : undefined,
      fields: entry,
      ...(provider !== undefined && typeof provider !== 'string'
        ? { invalidReason: 'provider is not a string' }
        : {}),
    });
  });

  const named = readString(root, 'provider');
  let activeProfile = named === undefined ? undefined : idToName.get(named);
  if (named !== undefined && activeProfile === undefined) {
    warnings.push(`The active provider "${named}" is not among the configured providers`);
  }
  if (named === undefined) activeProfile = profiles[0]?.name;
  return {
    format: 'kilo-cli-config',
    profiles,
    ...(activeProfile === undefined ? {} : { activeProfile }),
    modes: {},
    warnings,
  };
}
