import { APIError, APIErrorType } from '../errors/index.js';
import type { AIProvider, ProviderConfig, ProviderType } from '../spec/index.js';

/** Creates an unauthenticated-or-authenticated adapter for one config. */
export type ProviderFactory = (config: ProviderConfig) => AIProvider;

/** The id a config registers under: `config.id`, else a custom provider's `name`, else `provider`. */
export function providerId(config: ProviderConfig): string {
  if (config.id) return config.id;
  return config.provider === 'custom' ? config.name : config.provider;
}

/**
 * Holds the configured providers by id. The factory table is the only place that knows which
 * adapter serves which provider kind.
 */
export class ProviderRegistry {
  private readonly providers = new Map<string, AIProvider>();
  private readonly factories: Readonly<Record<string, ProviderFactory | undefined>>;

  /** @param factories provider kind → factory; `createDefaultRegistry()` passes the built-in table. */
  constructor(factories: Partial<Record<ProviderType, ProviderFactory>>) {
    this.factories = { ...factories };
  }

  /**
   * Creates the adapter for `config`, authenticates it and stores it under its id, replacing
   * (and disconnecting) a provider registered under the same id.
   */
  async registerProvider(config: ProviderConfig): Promise<AIProvider> {
    const provider = this.createProvider(config);
    await provider.authenticate(config);
    const id = providerId(config);
    const previous = this.providers.get(id);
    this.providers.set(id, provider);
    if (previous && previous !== provider) await previous.disconnect?.();
    return provider;
  }

  /** Creates the adapter for `config` without registering it. Throws a typed error for unknown kinds. */
  createProvider(config: ProviderConfig): AIProvider {
    const kind = (config as { provider?: unknown })?.provider;
    const factory = typeof kind === 'string' ? this.factories[kind] : undefined;
    if (factory === undefined) {
      throw new APIError(
        `Unknown provider "${String(kind)}"; known: ${Object.keys(this.factories).join(', ')}`,
        {
          type: APIErrorType.INVALID_REQUEST,
          provider: String(kind),
          code: 'unknown_provider',
        },
      );
    }
    if (
      config.provider === 'custom' &&
      !config.id &&
      (typeof config.name !== 'string' || config.name.trim() === '')
    ) {
      throw new APIError('A custom provider needs a name', {
        type: APIErrorType.INVALID_REQUEST,
        provider: 'custom',
        code: 'invalid_config',
      });
    }
    return factory(config);
  }

  /** Removes a provider (aborting its calls in flight); false when none had that id. */
  async unregisterProvider(id: string): Promise<boolean> {
    const provider = this.providers.get(id);
    if (provider === undefined) return false;
    this.providers.delete(id);
    await provider.disconnect?.();
    return true;
  }

  /** The provider registered under `id`. */
  getProvider(id: string): AIProvider | undefined {
    return this.providers.get(id);
  }

  /** Like `getProvider`, but throws a typed error naming the id when there is none. */
  requireProvider(id: string): AIProvider {
    const provider = this.providers.get(id);
    if (provider === undefined) {
      throw new APIError(`No provider is registered as "${id}"`, {
        type: APIErrorType.INVALID_REQUEST,
        provider: id,
        code: 'unknown_provider',
      });
    }
    return provider;
  }

  /** Every registered provider. */
  listProviders(): AIProvider[] {
    return [...this.providers.values()];
  }

  /** The ids of the registered providers. */
  listProviderIds(): string[] {
    return [...this.providers.keys()];
  }
}
