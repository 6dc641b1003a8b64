import type { ProviderConfig, ProviderType } from '@thinkbackcode/core';
import { type ParsedArgs, stringFlag, UsageError } from '../args.js';
import type { CommandContext } from '../command.js';
import { hasGatewayData, withGatewayData } from '../support/gateway-data.js';
import { readModelPreferences } from '../support/migration-storage.js';
import { createCliVault, withVault } from '../support/vault-access.js';

/** The provider types a `--provider` may name for an ad-hoc configuration. */
export const PROVIDER_TYPES: readonly ProviderType[] = [
  'openai',
  'anthropic',
  'google',
  'ollama',
  'lmstudio',
  'custom',
  'thinkbackcode',
];

/** What a chat talks to: the adapter's config (with its key) and the model. */
export interface ChatTarget {
  /** The configured provider id or the provider type; also the vault entry of the key. */
  id: string;
  config: ProviderConfig;
  model: string;
}

interface StoredLookup {
  config: (Record<string, unknown> & { provider: string }) | undefined;
  known: string[];
  active: string | undefined;
}

async function lookUpStored(
  context: CommandContext,
  wanted: string | undefined,
): Promise<StoredLookup> {
  if (!hasGatewayData(context.dataDir)) return { config: undefined, known: [], active: undefined };
  return withGatewayData(context.dataDir, context.terminal.env, async (data) => {
    const known = (await data.configStorage.listProviderConfigs()).map((config) => config.id);
    const active = readModelPreferences(data.configStorage)?.activeProfile;
    const id = wanted ?? active ?? (known.length === 1 ? known[0] : undefined);
    const config = id === undefined ? undefined : await data.configStorage.loadProviderConfig(id);
    return { config: config ?? undefined, known, active };
  });
}

function adHocConfig(
  type: ProviderType,
  args: ParsedArgs,
): Record<string, unknown> & { provider: string } {
  const baseUrl = stringFlag(args, 'base-url');
  if (type !== 'custom') return { provider: type, ...(baseUrl === undefined ? {} : { baseUrl }) };
  if (baseUrl === undefined) throw new UsageError('--provider custom needs --base-url');
  const format = stringFlag(args, 'format') ?? 'openai';
  if (format !== 'openai' && format !== 'anthropic') {
    throw new UsageError('--format must be openai or anthropic');
  }
  return { provider: 'custom', name: 'custom', baseUrl, requestFormat: format };
}

async function readVaultKey(context: CommandContext, id: string): Promise<string | undefined> {
  if (!(await createCliVault(context.dataDir).isInitialized())) return undefined;
  const label = stringFlag(context.args, 'label');
  const key = await withVault(context, {}, (vault) =>
    vault.retrieve(id, label === undefined ? {} : { label }),
  );
  return key ?? undefined;
}

/**
 * Resolves `--provider`: a provider config stored in the gateway (by id; without `--provider`,
 * the migrated active profile or the only one), else a provider type configured ad hoc from
 * `--base-url`. The key comes from the vault (entry named like the id), else from the stored config.
 */
export async function resolveChatTarget(context: CommandContext): Promise<ChatTarget> {
  const wanted = stringFlag(context.args, 'provider');
  const stored = await lookUpStored(context, wanted);
  let id: string;
  let config: Record<string, unknown> & { provider: string };
  if (stored.config !== undefined) {
    id =
      typeof stored.config.id === 'string' ? stored.config.id : (wanted ?? stored.config.provider);
    config = { ...stored.config };
    const baseUrl = stringFlag(context.args, 'base-url');
    if (baseUrl !== undefined) config.baseUrl = baseUrl;
  } else if (wanted !== undefined && (PROVIDER_TYPES as readonly string[]).includes(wanted)) {
    id = wanted;
    config = adHocConfig(wanted as ProviderType, context.args);
  } else {
    const configured =
      stored.known.length === 0 ? 'none configured' : `configured: ${stored.known.join(', ')}`;
    throw new UsageError(
      wanted === undefined
        ? `Name a provider with --provider (${configured}; or a type: ${PROVIDER_TYPES.join(', ')})`
        : `Unknown provider "${wanted}" (${configured}; types: ${PROVIDER_TYPES.join(', ')})`,
    );
  }
  const storedKey =
    typeof config.apiKey === 'string' && config.apiKey !== '' ? config.apiKey : undefined;
  const apiKey = (await readVaultKey(context, id)) ?? storedKey;
  const model =
    stringFlag(context.args, 'model') ??
    (typeof config.defaultModel === 'string' ? config.defaultModel : undefined);
  if (model === undefined)
    throw new UsageError(`Name a model with --model (provider ${id} has no default model)`);
  const { apiKey: _ignored, ...withoutKey } = config;
  return {
    id,
    model,
    config: {
      ...withoutKey,
      ...(apiKey === undefined ? {} : { apiKey }),
    } as unknown as ProviderConfig,
  };
}
