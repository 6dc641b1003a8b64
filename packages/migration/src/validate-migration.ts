import { isHttpUrl, isRemotePlainHttp } from './mapping/base-url.js';
import { isValidId } from './mapping/ids.js';
import { providerNeedsKey } from './mapping/map-profile.js';
import { readSecrets } from './secrets.js';
import type {
  MigratedProfile,
  MigrationResult,
  ValidationIssue,
  ValidationResult,
} from './types.js';

/** Our providers that refuse requests without a key; `custom` depends on the source provider. */
const KEY_REQUIRED = new Set(['openai', 'anthropic', 'google', 'thinkbackcode']);

/**
 * Checks a migration before it is applied. Errors stop `applyMigration`: a missing or invalid
 * base URL, duplicate ids or names, an invalid id, a result whose keys were lost by copying.
 * Warnings do not: a missing model, a missing key (the profile can get one later with
 * `keys add`), a key that would travel over plain http, an empty migration.
 */
export function validateMigration(result: MigrationResult): ValidationResult {
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const profile of result.profiles) {
    const id = profile.id;
    if (!isValidId(id)) {
      errors.push({
        profile: id,
        code: 'invalid_id',
        message: `Profile "${profile.name}" has an invalid id "${id}" (lowercase letters, digits and dashes only)`,
      });
    }
    if (ids.has(id)) {
      errors.push({
        profile: id,
        code: 'duplicate_id',
        message: `Two profiles have the id "${id}"`,
      });
    }
    ids.add(id);
    if (names.has(profile.name)) {
      errors.push({
        profile: id,
        code: 'duplicate_name',
        message: `Two profiles are named "${profile.name}"`,
      });
    }
    names.add(profile.name);
    checkBaseUrl(profile, errors, warnings);
    if (profile.model === undefined) {
      warnings.push({
        profile: id,
        code: 'missing_model',
        message: `Profile "${profile.name}" names no model; requests must name one`,
      });
    }
    if (!profile.hasKey && needsKey(profile)) {
      warnings.push({
        profile: id,
        code: 'missing_key',
        message: `Profile "${profile.name}" has no key; add one with \`keys add ${id}\` before using it`,
      });
    }
  }
  for (const [mode, preference] of Object.entries(result.modelPreferences)) {
    if (!ids.has(preference.id)) {
      warnings.push({
        code: 'unknown_preference',
        message: `The mode "${mode}" points to "${preference.id}", which is not among the profiles`,
      });
    }
  }
  if (result.profiles.length === 0) {
    warnings.push({ code: 'nothing_to_migrate', message: 'There is no profile to migrate' });
  }
  if (result.profiles.some((profile) => profile.hasKey) && readSecrets(result) === undefined) {
    errors.push({
      code: 'keys_unavailable',
      message:
        'This result no longer carries its keys (it was copied or deserialised); import the file again to apply it',
    });
  }
  return { valid: errors.length === 0, errors, warnings };
}

function needsKey(profile: MigratedProfile): boolean {
  if (profile.provider === 'custom') return providerNeedsKey(profile.source.apiProvider);
  return KEY_REQUIRED.has(profile.provider);
}

function checkBaseUrl(
  profile: MigratedProfile,
  errors: ValidationIssue[],
  warnings: ValidationIssue[],
): void {
  const baseUrl = profile.config.baseUrl;
  if (baseUrl === undefined || baseUrl === '') {
    if (profile.provider === 'custom') {
      errors.push({
        profile: profile.id,
        code: 'missing_base_url',
        message: `Profile "${profile.name}" is a custom endpoint without a base URL`,
      });
    }
    return;
  }
  if (!isHttpUrl(baseUrl)) {
    errors.push({
      profile: profile.id,
      code: 'invalid_base_url',
      message: `Profile "${profile.name}" has a base URL that is not an absolute http(s) URL`,
    });
    return;
  }
  if (profile.hasKey && isRemotePlainHttp(baseUrl)) {
    warnings.push({
      profile: profile.id,
      code: 'insecure_base_url',
      message: `Profile "${profile.name}" sends its key over plain http to a remote host`,
    });
  }
}
