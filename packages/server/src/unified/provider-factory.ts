import type { AIProvider, FetchFunction, ProviderConfig } from '@thinkbackcode/core';
import { redact } from '../logging/redact.js';
import type { StoredProviderConfig } from '../storage/config-storage.js';

/** Makes an adapter for a provider config (the core registry's `createProvider`). */
export type ProviderFactory = (config: ProviderConfig) => AIProvider;

/**
 * The core's built-in factories through `createDefaultRegistry()`, or `undefined` while the core
 * does not export it yet (the `/v1` routes then answer 501).
 */
export async function loadDefaultProviderFactory(): Promise<ProviderFactory | undefined> {
  const core = (await import('@thinkbackcode/core')) as unknown as Record<string, unknown>;
  const create = core.createDefaultRegistry;
  if (typeof create !== 'function') return undefined;
  const registry = create() as { createProvider(config: ProviderConfig): AIProvider };
  return (config) => registry.createProvider(config);
}

/**
 * The core `ProviderConfig` of a stored config: `models` entries given as `{ id, pricing }` (how
 * the gateway prices custom endpoints) become the plain ids the core expects, and `fetch`, when
 * given, is the one the adapter sends with (the gateway's, see `createGatewayFetch`).
 */
export function toCoreConfig(config: StoredProviderConfig, fetch?: FetchFunction): ProviderConfig {
  const core: Record<string, unknown> = { ...config };
  if (Array.isArray(config.models)) {
    core.models = config.models.map((entry: unknown) =>
      typeof entry === 'object' && entry !== null && 'id' in entry ? String(entry.id) : entry,
    );
  }
  if (fetch !== undefined) core.fetch = fetch;
  return core as unknown as ProviderConfig;
}

/** `testConnection`: authenticates an adapter and asks the vendor whether the key works. */
export function createConnectionTester(factory: ProviderFactory | undefined) {
  return async (config: StoredProviderConfig): Promise<{ ok: boolean; error?: string }> => {
    if (!factory) return { ok: false, error: 'Provider adapters are not available in this build' };
    const secrets = typeof config.apiKey === 'string' ? [config.apiKey] : [];
    try {
      const coreConfig = toCoreConfig(config);
      const provider = factory(coreConfig);
      await provider.authenticate(coreConfig);
      const ok = await provider.validateCredentials();
      await provider.disconnect?.();
      return ok ? { ok } : { ok, error: 'The vendor refused the key' };
    } catch (error) {
      return {
        ok: false,
        error: redact(error instanceof Error ? error.message : 'The check failed', secrets),
      };
    }
  };
}
