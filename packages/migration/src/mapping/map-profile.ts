import type { MigratedProfile, UnsupportedProfile } from '../types.js';
import { cleanBaseUrl } from './base-url.js';
import { buildConfig } from './build-config.js';
import { type JsonObject, readFirstString, readNumber, readString } from './fields.js';
import { splitHeaders } from './headers.js';
import {
  findSourceProvider,
  isUnsupportedSpec,
  type SourceProviderSpec,
} from './provider-table.js';
import { applyQuirks } from './quirks.js';
import { readProfileSettings } from './settings.js';

/** One profile as read from any source format, in Kilo/Roo field names. */
export interface SourceProfile {
  /** Profile name, unique within the document. */
  name: string;
  /** The source's own id for the profile. */
  profileId?: string;
  /** The source's provider id; `undefined` for an unconfigured profile. */
  apiProvider: string | undefined;
  fields: JsonObject;
  /** Warnings from reading the source format. */
  notes?: string[];
  /** Set when the source entry is unusable (e.g. not an object); it becomes `unsupported`. */
  invalidReason?: string;
}

/** A profile mapped (with its key, kept apart from the profile) or set aside. */
export type MapOutcome =
  | { kind: 'mapped'; profile: MigratedProfile; secret: string | undefined }
  | { kind: 'unsupported'; entry: UnsupportedProfile };

/** Maps one source profile; `allocateId` is called only for profiles that are mapped. */
export function mapProfile(
  source: SourceProfile,
  allocateId: (name: string) => string,
): MapOutcome {
  const apiProvider = source.apiProvider ?? '';
  const unsupported = (reason: string): MapOutcome => ({
    kind: 'unsupported',
    entry: { name: source.name, apiProvider, reason },
  });
  if (source.invalidReason !== undefined) return unsupported(source.invalidReason);
  if (source.apiProvider === undefined) return unsupported('the profile names no provider');
  const spec = findSourceProvider(source.apiProvider);
  if (spec === undefined) {
    return unsupported(
      `unknown provider "${source.apiProvider}": ThinkBackCode has no mapping for it`,
    );
  }
  if (isUnsupportedSpec(spec)) {
    const detail = spec.detail?.(source.fields);
    return unsupported(detail === undefined ? spec.unsupported : `${spec.unsupported} (${detail})`);
  }
  const fields = source.fields;
  const warnings = [...(source.notes ?? [])];
  let key = readFirstString(fields, spec.keyFields)?.value;

  const headers = splitHeaders(
    spec.headersField === undefined ? undefined : fields[spec.headersField],
  );
  let authHeader: string | undefined;
  if (headers.credential !== undefined) {
    if (key === undefined) {
      key = headers.credential.key;
      if (!/^authorization$/i.test(headers.credential.authHeader)) {
        authHeader = headers.credential.authHeader;
      }
    } else {
      warnings.push(
        `the "${headers.credential.authHeader}" header repeats a credential; the profile's key is used instead`,
      );
    }
  }
  for (const name of headers.dropped) {
    warnings.push(`the "${name}" header looks like a credential and was not migrated`);
  }
  for (const name of headers.invalid) {
    warnings.push(`the "${name}" header is not a string and was not migrated`);
  }

  const baseUrl = resolveBaseUrl(spec, fields, warnings);
  const quirks = applyQuirks(fields, baseUrl);
  if (quirks.unsupported !== undefined) return unsupported(quirks.unsupported);
  warnings.push(...quirks.warnings);
  for (const [field, what] of Object.entries(spec.lostSettings ?? {})) {
    const value = fields[field];
    if (value === true || (typeof value === 'string' && value !== '' && value !== 'default')) {
      warnings.push(`${what} (${field}) is not supported and was not carried over`);
    }
  }

  const model = readFirstString(fields, spec.modelFields)?.value;
  const settings = readProfileSettings(fields, ['ollamaNumCtx', 'contextWindow']);
  const id = allocateId(source.name);
  const headerMap = Object.keys(headers.headers).length > 0 ? headers.headers : undefined;
  const numCtx = spec.target === 'ollama' ? readNumber(fields, 'ollamaNumCtx') : undefined;
  const config = buildConfig({
    target: spec.target,
    id,
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(model === undefined ? {} : { model }),
    ...(headerMap === undefined ? {} : { headers: headerMap }),
    ...((authHeader ?? quirks.authHeader) ? { authHeader: authHeader ?? quirks.authHeader } : {}),
    ...(quirks.betas === undefined ? {} : { betas: quirks.betas }),
    ...(numCtx === undefined ? {} : { numCtx }),
    ...(quirks.anthropicBearer === true ? { anthropicBearer: true } : {}),
  });
  const profile: MigratedProfile = {
    name: source.name,
    id,
    provider: config.provider,
    ...(model === undefined ? {} : { model }),
    ...(config.baseUrl === undefined ? {} : { baseUrl: config.baseUrl }),
    ...(config.provider === 'custom' ? { requestFormat: narrowFormat(config.requestFormat) } : {}),
    ...(headerMap === undefined ? {} : { headers: headerMap }),
    hasKey: key !== undefined,
    ...(settings === undefined ? {} : { settings }),
    ...(warnings.length === 0 ? {} : { warnings }),
    source: {
      apiProvider,
      ...(source.profileId === undefined ? {} : { profileId: source.profileId }),
    },
    config,
  };
  return { kind: 'mapped', profile, secret: key };
}

/** Whether the provider refuses requests without a key (for validation). */
export function providerNeedsKey(apiProvider: string): boolean {
  const spec = findSourceProvider(apiProvider);
  return spec !== undefined && !isUnsupportedSpec(spec) && spec.needsKey;
}

function resolveBaseUrl(
  spec: SourceProviderSpec,
  fields: JsonObject,
  warnings: string[],
): string | undefined {
  const userSet =
    spec.baseUrlField === undefined ? undefined : readString(fields, spec.baseUrlField);
  if (userSet === undefined) {
    const setting = spec.baseUrlBySetting;
    const bySetting =
      setting === undefined ? undefined : setting.values[readString(fields, setting.field) ?? ''];
    return bySetting ?? spec.defaultBaseUrl;
  }
  const cleaned = cleanBaseUrl(userSet);
  warnings.push(...cleaned.warnings);
  let url = cleaned.url;
  try {
    const parsed = new URL(url);
    if (spec.officialHost !== undefined && parsed.hostname === spec.officialHost) return undefined;
  } catch {
    return url;
  }
  for (const suffix of spec.baseUrlPath?.stripSuffixes ?? []) {
    if (url.endsWith(suffix)) url = url.slice(0, -suffix.length);
  }
  const ensure = spec.baseUrlPath?.ensureSuffix;
  if (ensure !== undefined && !url.endsWith(ensure)) url += ensure;
  return url;
}

function narrowFormat(format: 'openai' | 'anthropic' | 'custom'): 'openai' | 'anthropic' {
  return format === 'anthropic' ? 'anthropic' : 'openai';
}
