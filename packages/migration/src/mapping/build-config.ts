import type { StoredProviderConfig } from '../types.js';
import { pathEndsWith } from './base-url.js';
import type { TargetKind } from './provider-table.js';

/** Everything needed to build one provider config, after the source profile was read. */
export interface ConfigDraft {
  target: TargetKind;
  id: string;
  baseUrl?: string;
  model?: string;
  headers?: Record<string, string>;
  /** Header that carries the key when it is not the adapter's default. */
  authHeader?: string;
  /** Anthropic beta flags. */
  betas?: string[];
  /** Ollama context window. */
  numCtx?: number;
  /** Send the key as `Authorization: Bearer` to an Anthropic-format endpoint. */
  anthropicBearer?: boolean;
}

const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';

/**
 * Turns a draft into a `ProviderConfig` (without key). Custom endpoints speak the OpenAI format
 * unless their base URL ends in `/anthropic` (MiniMax, Z.ai and others serve Anthropic's API there).
 */
export function buildConfig(draft: ConfigDraft): StoredProviderConfig {
  const common = {
    id: draft.id,
    ...(draft.baseUrl === undefined ? {} : { baseUrl: draft.baseUrl }),
    ...(draft.headers === undefined ? {} : { headers: draft.headers }),
    ...(draft.model === undefined ? {} : { defaultModel: draft.model }),
  };
  switch (draft.target) {
    case 'anthropic':
      if (draft.anthropicBearer === true) {
        return {
          ...common,
          provider: 'custom',
          name: draft.id,
          baseUrl: draft.baseUrl ?? ANTHROPIC_BASE_URL,
          requestFormat: 'anthropic',
          authHeader: 'Authorization',
          ...(draft.model === undefined ? {} : { models: [draft.model] }),
        };
      }
      return {
        ...common,
        provider: 'anthropic',
        ...(draft.betas === undefined ? {} : { betas: draft.betas }),
      };
    case 'openai':
      return { ...common, provider: 'openai' };
    case 'google':
      return { ...common, provider: 'google' };
    case 'ollama':
      return {
        ...common,
        provider: 'ollama',
        ...(draft.numCtx === undefined ? {} : { numCtx: draft.numCtx }),
      };
    case 'lmstudio':
      return { ...common, provider: 'lmstudio' };
    case 'openai-compatible': {
      const baseUrl = draft.baseUrl ?? '';
      return {
        ...common,
        provider: 'custom',
        name: draft.id,
        baseUrl,
        requestFormat: pathEndsWith(baseUrl, '/anthropic') ? 'anthropic' : 'openai',
        ...(draft.authHeader === undefined ? {} : { authHeader: draft.authHeader }),
        ...(draft.model === undefined ? {} : { models: [draft.model] }),
      };
    }
  }
}
