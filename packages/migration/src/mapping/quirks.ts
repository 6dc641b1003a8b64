import { pathEndsWith } from './base-url.js';
import { type JsonObject, readBoolean, readString } from './fields.js';

/** What field-level quirks change in a draft. */
export interface QuirkEffects {
  warnings: string[];
  /** Send the key as a Bearer token to an Anthropic-format endpoint. */
  anthropicBearer?: boolean;
  betas?: string[];
  authHeader?: string;
  /** The profile cannot be served; the reason. */
  unsupported?: string;
}

const ROUTING_FIELDS = [
  'openRouterSpecificProvider',
  'openRouterProviderSort',
  'openRouterProviderDataCollection',
  'openRouterZdr',
  'openRouterUseMiddleOutTransform',
] as const;

/**
 * Settings that change how a profile connects, keyed by field name (they appear on several
 * providers): Azure OpenAI, Anthropic bearer auth and 1M context, disabled streaming,
 * OpenRouter routing preferences, the Codestral URL.
 */
export function applyQuirks(fields: JsonObject, baseUrl: string | undefined): QuirkEffects {
  const effects: QuirkEffects = { warnings: [] };
  if (readBoolean(fields, 'openAiUseAzure') === true) {
    // Azure's v1 API (…/openai/v1) is plain OpenAI-compatible with an api-key header; the older
    // deployment URLs need an api-version query parameter that custom endpoints do not send.
    if (baseUrl !== undefined && pathEndsWith(baseUrl, '/openai/v1')) {
      effects.authHeader = 'api-key';
    } else {
      effects.unsupported =
        'Azure OpenAI deployment URLs need an api-version query parameter, which custom endpoints do not send; use an Azure base URL ending in /openai/v1 instead';
    }
  }
  if (readBoolean(fields, 'anthropicUseAuthToken') === true) {
    effects.anthropicBearer = true;
    effects.warnings.push(
      'the key is sent as an Authorization bearer token (anthropicUseAuthToken), so this becomes a custom Anthropic-format endpoint',
    );
  }
  if (readBoolean(fields, 'anthropicBeta1MContext') === true) {
    effects.betas = ['context-1m-2025-08-07'];
  }
  if (readBoolean(fields, 'openAiStreamingEnabled') === false) {
    effects.warnings.push(
      'streaming was turned off for this profile; ThinkBackCode streams whenever the client asks',
    );
  }
  const routing = ROUTING_FIELDS.filter((field) => fields[field] !== undefined);
  if (routing.length > 0) {
    effects.warnings.push(
      `OpenRouter routing preferences (${routing.join(', ')}) are not carried over`,
    );
  }
  if (readString(fields, 'mistralCodestralUrl') !== undefined) {
    effects.warnings.push('the Codestral URL (mistralCodestralUrl) is not carried over');
  }
  if (readString(fields, 'kilocodeOrganizationId') !== undefined) {
    effects.warnings.push(
      'the Kilo organization (kilocodeOrganizationId) is not carried over; requests bill the personal account',
    );
  }
  return effects;
}
