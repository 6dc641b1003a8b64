import { isJsonObject, type JsonObject, readString } from '../mapping/fields.js';
import type { SourceProfile } from '../mapping/map-profile.js';
import { findSourceProvider, isUnsupportedSpec } from '../mapping/provider-table.js';
import type { SourceDocument } from './source-document.js';

/** Cline provider ids whose Kilo/Roo id differs. */
const CLINE_TO_KILO: Readonly<Record<string, string>> = {
  'openai-compatible': 'openai',
};

/**
 * Reads Cline's `~/.cline/data/settings/providers.json`:
 * `{ version, lastUsedProvider, providers: { <id>: { settings: { provider, apiKey, baseUrl, model,
 * headers, reasoning: { enabled, effort }, … } } } }`. Each entry's generic fields are renamed to the
 * Kilo/Roo fields of the same provider so one mapper serves every format. OAuth tokens (`auth`) are
 * never read: they belong to the Cline account, not to a provider key.
 */
export function readClineProviders(root: JsonObject): SourceDocument {
  const warnings: string[] = [];
  const profiles: SourceProfile[] = [];
  const providers = isJsonObject(root.providers) ? root.providers : {};
  for (const [name, entry] of Object.entries(providers)) {
    const settings =
      isJsonObject(entry) && isJsonObject(entry.settings) ? entry.settings : undefined;
    if (settings === undefined) {
      profiles.push({
        name,
        apiProvider: undefined,
        fields: {},
        invalidReason: 'the entry has no settings object',
      });
      continue;
    }
    const clineId = readString(settings, 'provider') ?? name;
    profiles.push(toSourceProfile(name, clineId, settings));
  }

  const names = new Set(profiles.map((profile) => profile.name));
  const lastUsed = readString(root, 'lastUsedProvider');
  if (lastUsed !== undefined && !names.has(lastUsed)) {
    warnings.push(`The last used provider "${lastUsed}" is not among the configured providers`);
  }
  const modes: Record<string, string> = {};
  for (const [mode, value] of Object.entries(isJsonObject(root.modes) ? root.modes : {})) {
    const reference =
      typeof value === 'string'
        ? value
        : isJsonObject(value)
          ? readString(value, 'provider')
          : undefined;
    if (reference !== undefined && names.has(reference)) modes[mode] = reference;
  }
  return {
    format: 'cline-providers',
    profiles,
    ...(lastUsed !== undefined && names.has(lastUsed) ? { activeProfile: lastUsed } : {}),
    modes,
    warnings,
  };
}

function toSourceProfile(name: string, clineId: string, settings: JsonObject): SourceProfile {
  const baseUrl = readString(settings, 'baseUrl');
  // Cline's extension calls OpenAI-compatible endpoints "openai"; with OpenAI's own URL (or none)
  // it is OpenAI itself.
  const kiloId =
    clineId === 'openai'
      ? baseUrl === undefined || baseUrl.includes('api.openai.com')
        ? 'openai-native'
        : 'openai'
      : (CLINE_TO_KILO[clineId] ?? clineId);
  const notes: string[] = [];
  const auth = settings.auth;
  const apiKey =
    readString(settings, 'apiKey') ?? (isJsonObject(auth) ? readString(auth, 'apiKey') : undefined);
  if (apiKey === undefined && isJsonObject(auth) && Object.keys(auth).length > 0) {
    notes.push('this provider signed in through OAuth; its tokens are not migrated');
  }
  const spec = findSourceProvider(kiloId);
  const fields: JsonObject = { apiProvider: kiloId };
  if (spec !== undefined && !isUnsupportedSpec(spec)) {
    const keyField = spec.keyFields[0];
    if (keyField !== undefined && apiKey !== undefined) fields[keyField] = apiKey;
    if (baseUrl !== undefined) {
      if (spec.baseUrlField === undefined) {
        notes.push('the custom base URL was not carried over: this provider has a fixed endpoint');
      } else {
        fields[spec.baseUrlField] = baseUrl;
      }
    }
    const modelField = spec.modelFields[0];
    const model = readString(settings, 'model');
    if (modelField !== undefined && model !== undefined) fields[modelField] = model;
    if (spec.headersField !== undefined && settings.headers !== undefined) {
      fields[spec.headersField] = settings.headers;
    }
  }
  const reasoning = settings.reasoning;
  if (isJsonObject(reasoning)) {
    if (typeof reasoning.enabled === 'boolean') fields.enableReasoningEffort = reasoning.enabled;
    if (typeof reasoning.effort === 'string') fields.reasoningEffort = reasoning.effort;
    if (typeof reasoning.budgetTokens === 'number')
      fields.modelMaxThinkingTokens = reasoning.budgetTokens;
  }
  copyNumber(settings, 'temperature', fields, 'modelTemperature');
  copyNumber(settings, 'maxTokens', fields, 'modelMaxTokens');
  copyNumber(
    settings,
    'contextWindow',
    fields,
    kiloId === 'ollama' ? 'ollamaNumCtx' : 'contextWindow',
  );
  return {
    name,
    profileId: name,
    apiProvider: kiloId,
    fields,
    ...(notes.length > 0 ? { notes } : {}),
  };
}

function copyNumber(from: JsonObject, field: string, to: JsonObject, target: string): void {
  if (typeof from[field] === 'number') to[target] = from[field];
}
