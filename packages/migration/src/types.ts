import type { ProviderConfig, ProviderType } from '@thinkbackcode/core';

/** Removes keys from each member of a union (plain `Omit` would collapse the union). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A provider config as the migration stores it: a `ProviderConfig` without the key (which goes
 * to the vault) and without a `fetch` (which is not data).
 */
export type StoredProviderConfig = DistributiveOmit<ProviderConfig, 'apiKey' | 'fetch'>;

/** The file formats `importKiloCodeConfig` recognises. */
export type SourceFormat =
  /** Kilo Code's "Export settings" file (`providerProfiles` + `globalSettings`). */
  | 'kilo-settings-export'
  /** Roo Code's "Export settings" file (same shape as Kilo's, without Kilo's own providers). */
  | 'roo-settings-export'
  /** The bare `providerProfiles` blob (what Kilo and Roo keep in VS Code's secret storage). */
  | 'provider-profiles'
  /** The Kilo Code CLI config (`providers: [{ id, provider, ... }]`). */
  | 'kilo-cli-config'
  /** Cline's `~/.cline/data/settings/providers.json`. */
  | 'cline-providers';

/** Generation settings of a source profile, carried over as profile settings. */
export interface ProfileSettings {
  /** Sampling temperature (Kilo `modelTemperature`). */
  temperature?: number;
  /** Output token limit (Kilo `modelMaxTokens`). */
  maxTokens?: number;
  /** Reasoning: on or off, an effort level (`low`, `medium`, `high`, …) and a thinking budget. */
  reasoning?: {
    enabled: boolean;
    /** Effort level as the source named it. */
    effort?: string;
    /** Thinking budget in tokens (Kilo `modelMaxThinkingTokens`). */
    budgetTokens?: number;
  };
  /** Output verbosity (`low`, `medium`, `high`). */
  verbosity?: string;
  /** Context window in tokens (Kilo `ollamaNumCtx`, Cline `contextWindow`). */
  contextWindow?: number;
  /** Minimum seconds between requests (Kilo `rateLimitSeconds`). */
  rateLimitSeconds?: number;
}

/** One source profile mapped onto a ThinkBackCode provider config. */
export interface MigratedProfile {
  /** The profile's name in the source file. */
  name: string;
  /** Config id in ThinkBackCode (a slug of the name, unique within the result); the vault key id. */
  id: string;
  /** Our provider type. */
  provider: ProviderType;
  /** Model id, when the source named one. */
  model?: string;
  /** Base URL, when it differs from the provider's default. */
  baseUrl?: string;
  /** Wire format of a `custom` provider. */
  requestFormat?: 'openai' | 'anthropic';
  /** Extra request headers (never credential headers: those become the key or a warning). */
  headers?: Record<string, string>;
  /** Whether the source held a key for this profile (the key itself is never in the result). */
  hasKey: boolean;
  /** Generation settings carried over from the source profile. */
  settings?: ProfileSettings;
  /** What could not be carried over exactly. */
  warnings?: string[];
  /** Where the profile came from. */
  source: {
    /** The source's provider id (Kilo/Roo `apiProvider`, CLI `provider`, Cline provider id). */
    apiProvider: string;
    /** The source's own profile id, when it has one. */
    profileId?: string;
  };
  /** The config to store, without its key. */
  config: StoredProviderConfig;
}

/** A source profile that has no ThinkBackCode equivalent. */
export interface UnsupportedProfile {
  name: string;
  /** The source's provider id, or an empty string when the profile named none. */
  apiProvider: string;
  /** Why it was not migrated. */
  reason: string;
}

/** The profile a mode (`code`, `architect`, `ask`, …) used in the source. */
export interface ModelPreference {
  /** Source profile name. */
  profile: string;
  /** Config id of the migrated profile. */
  id: string;
  /** Model of that profile, when known. */
  model?: string;
}

/** What `importKiloCodeConfig` found. Plain data: safe to print or serialise, never holds a key. */
export interface MigrationResult {
  /** The detected input format. */
  format: SourceFormat;
  /** One entry per mapped source profile, in source order. */
  profiles: MigratedProfile[];
  /** Source profiles that were not mapped, with the reason. */
  unsupported: UnsupportedProfile[];
  /** Mode → profile assignments of the source, for mapped profiles. */
  modelPreferences: Record<string, ModelPreference>;
  /** Config id of the source's active profile, when it was mapped. */
  activeProfile?: string;
  /** Problems that concern the file as a whole. */
  warnings: string[];
}

/** One problem found by `validateMigration`. */
export interface ValidationIssue {
  /** Config id of the profile concerned; absent for problems of the whole result. */
  profile?: string;
  /** Machine-readable kind. */
  code:
    | 'missing_model'
    | 'missing_key'
    | 'missing_base_url'
    | 'invalid_base_url'
    | 'insecure_base_url'
    | 'duplicate_id'
    | 'duplicate_name'
    | 'invalid_id'
    | 'unknown_preference'
    | 'nothing_to_migrate'
    | 'keys_unavailable';
  message: string;
}

/** The outcome of `validateMigration`. */
export interface ValidationResult {
  /** True when there are no errors (warnings allowed). */
  valid: boolean;
  /** Problems that stop `applyMigration`. */
  errors: ValidationIssue[];
  /** Problems the user should know about; the migration can still be applied. */
  warnings: ValidationIssue[];
}
