/**
 * Kilo Code / Roo Code `apiProvider` ids and where each keeps its key, base URL and model, read
 * from `packages/types/src/provider-settings.ts` of Kilo-Org/kilocode and RooCodeInc/Roo-Code.
 * Differences between vendors are data here; the mapper has no per-provider branches.
 */

/** Which ThinkBackCode adapter a source provider becomes. */
export type TargetKind =
  | 'anthropic'
  | 'openai'
  | 'google'
  | 'ollama'
  | 'lmstudio'
  /** `custom` with `requestFormat: 'openai'` (or `'anthropic'` when the base URL ends in `/anthropic`). */
  | 'openai-compatible';

/** How to read one source provider's profile. */
export interface SourceProviderSpec {
  target: TargetKind;
  /** Display name used in warnings. */
  label: string;
  /** Fields holding the key, first non-empty wins. */
  keyFields: readonly string[];
  /** Field holding a user-set base URL. */
  baseUrlField?: string;
  /** Base URL used when the profile sets none (required for `openai-compatible`). */
  defaultBaseUrl?: string;
  /** A field whose value picks the default base URL (e.g. Z.ai's `zaiApiLine`). */
  baseUrlBySetting?: { field: string; values: Readonly<Record<string, string>> };
  /** The vendor's own API host: a base URL there is dropped so our adapter's default applies. */
  officialHost?: string;
  /** Path fix-ups for a user-set base URL: the suffix our adapter expects, or ones it must not have. */
  baseUrlPath?: { ensureSuffix?: string; stripSuffixes?: readonly string[] };
  /** Fields holding the model id, first non-empty wins. */
  modelFields: readonly string[];
  /** Field holding extra request headers (an object of strings). */
  headersField?: string;
  /** Whether the provider refuses requests without a key. */
  needsKey: boolean;
  /** Boolean settings we cannot carry over: field → what is lost. */
  lostSettings?: Readonly<Record<string, string>>;
}

/** A source provider we cannot serve, and why. */
export interface UnsupportedSpec {
  unsupported: string;
  /** Adds profile-specific detail to the reason (never a secret field). */
  detail?: (fields: Readonly<Record<string, unknown>>) => string | undefined;
}

const compatible = (
  label: string,
  keyField: string,
  defaultBaseUrl: string | undefined,
  modelFields: readonly string[] = ['apiModelId'],
  baseUrlField?: string,
): SourceProviderSpec => ({
  target: 'openai-compatible',
  label,
  keyFields: [keyField],
  ...(baseUrlField === undefined ? {} : { baseUrlField }),
  ...(defaultBaseUrl === undefined ? {} : { defaultBaseUrl }),
  modelFields,
  needsKey: true,
});

const OAUTH = 'signs in through OAuth or a local CLI; there is no API key to migrate';

/** Every source provider id we know, mapped or not. */
export const SOURCE_PROVIDERS: Readonly<Record<string, SourceProviderSpec | UnsupportedSpec>> = {
  anthropic: {
    target: 'anthropic',
    label: 'Anthropic',
    keyFields: ['apiKey'],
    baseUrlField: 'anthropicBaseUrl',
    officialHost: 'api.anthropic.com',
    modelFields: ['apiModelId'],
    needsKey: true,
  },
  'openai-native': {
    target: 'openai',
    label: 'OpenAI',
    keyFields: ['openAiNativeApiKey'],
    baseUrlField: 'openAiNativeBaseUrl',
    officialHost: 'api.openai.com',
    modelFields: ['apiModelId', 'openAiModelId'],
    needsKey: true,
    lostSettings: { openAiNativeServiceTier: 'the service tier' },
  },
  openai: {
    target: 'openai-compatible',
    label: 'OpenAI Compatible',
    keyFields: ['openAiApiKey'],
    baseUrlField: 'openAiBaseUrl',
    // Kilo's OpenAI Compatible handler falls back to OpenAI itself when no base URL is set.
    defaultBaseUrl: 'https://api.openai.com/v1',
    modelFields: ['openAiModelId'],
    headersField: 'openAiHeaders',
    needsKey: false,
    lostSettings: {
      openAiR1FormatEnabled: 'the R1 message format',
      openAiLegacyFormat: 'the legacy message format',
    },
  },
  'openai-responses': {
    target: 'openai-compatible',
    label: 'OpenAI Responses',
    keyFields: ['openAiApiKey'],
    baseUrlField: 'openAiBaseUrl',
    defaultBaseUrl: 'https://api.openai.com/v1',
    modelFields: ['openAiModelId'],
    headersField: 'openAiHeaders',
    needsKey: false,
  },
  gemini: {
    target: 'google',
    label: 'Google Gemini',
    keyFields: ['geminiApiKey'],
    baseUrlField: 'googleGeminiBaseUrl',
    officialHost: 'generativelanguage.googleapis.com',
    modelFields: ['apiModelId'],
    needsKey: true,
    lostSettings: { enableGrounding: 'Google Search grounding', enableUrlContext: 'URL context' },
  },
  ollama: {
    target: 'ollama',
    label: 'Ollama',
    keyFields: ['ollamaApiKey'],
    baseUrlField: 'ollamaBaseUrl',
    // Our Ollama adapter speaks the native API (/api/chat) from the server root.
    baseUrlPath: { stripSuffixes: ['/v1', '/api'] },
    modelFields: ['ollamaModelId'],
    needsKey: false,
  },
  lmstudio: {
    target: 'lmstudio',
    label: 'LM Studio',
    keyFields: [],
    baseUrlField: 'lmStudioBaseUrl',
    // Kilo stores the server root and appends /v1; our LM Studio adapter takes the /v1 base.
    baseUrlPath: { ensureSuffix: '/v1' },
    modelFields: ['lmStudioModelId'],
    needsKey: false,
    lostSettings: { lmStudioSpeculativeDecodingEnabled: 'speculative decoding' },
  },
  // Kilo's own gateway: an OpenRouter-compatible endpoint at api.kilo.ai; a Kilo token is not a
  // ThinkBackCode gateway key, so it becomes a custom OpenAI-compatible provider.
  kilocode: compatible('Kilo Code', 'kilocodeToken', 'https://api.kilo.ai/api/openrouter', [
    'kilocodeModel',
  ]),
  'kilocode-openrouter': compatible(
    'Kilo Code',
    'kilocodeToken',
    'https://api.kilo.ai/api/openrouter',
    ['kilocodeModel', 'openRouterModelId'],
  ),
  openrouter: compatible(
    'OpenRouter',
    'openRouterApiKey',
    'https://openrouter.ai/api/v1',
    ['openRouterModelId'],
    'openRouterBaseUrl',
  ),
  litellm: {
    ...compatible(
      'LiteLLM',
      'litellmApiKey',
      'http://localhost:4000',
      ['litellmModelId'],
      'litellmBaseUrl',
    ),
    needsKey: false,
  },
  requesty: compatible(
    'Requesty',
    'requestyApiKey',
    'https://router.requesty.ai/v1',
    ['requestyModelId'],
    'requestyBaseUrl',
  ),
  unbound: compatible('Unbound', 'unboundApiKey', 'https://api.getunbound.ai/v1', [
    'unboundModelId',
  ]),
  'vercel-ai-gateway': compatible(
    'Vercel AI Gateway',
    'vercelAiGatewayApiKey',
    'https://ai-gateway.vercel.sh/v1',
    ['vercelAiGatewayModelId'],
  ),
  glama: compatible('Glama', 'glamaApiKey', 'https://glama.ai/api/gateway/openai/v1', [
    'glamaModelId',
  ]),
  deepseek: compatible(
    'DeepSeek',
    'deepSeekApiKey',
    'https://api.deepseek.com/v1',
    undefined,
    'deepSeekBaseUrl',
  ),
  mistral: compatible('Mistral', 'mistralApiKey', 'https://api.mistral.ai/v1'),
  xai: compatible('xAI', 'xaiApiKey', 'https://api.x.ai/v1'),
  moonshot: compatible(
    'Moonshot',
    'moonshotApiKey',
    'https://api.moonshot.ai/v1',
    undefined,
    'moonshotBaseUrl',
  ),
  minimax: compatible(
    'MiniMax',
    'minimaxApiKey',
    'https://api.minimax.io/v1',
    undefined,
    'minimaxBaseUrl',
  ),
  groq: compatible('Groq', 'groqApiKey', 'https://api.groq.com/openai/v1'),
  cerebras: compatible('Cerebras', 'cerebrasApiKey', 'https://api.cerebras.ai/v1'),
  chutes: compatible('Chutes', 'chutesApiKey', 'https://llm.chutes.ai/v1'),
  fireworks: compatible('Fireworks', 'fireworksApiKey', 'https://api.fireworks.ai/inference/v1'),
  featherless: compatible('Featherless', 'featherlessApiKey', 'https://api.featherless.ai/v1'),
  sambanova: compatible('SambaNova', 'sambaNovaApiKey', 'https://api.sambanova.ai/v1'),
  baseten: compatible('Baseten', 'basetenApiKey', 'https://inference.baseten.co/v1'),
  synthetic: compatible('Synthetic', 'syntheticApiKey', 'https://api.synthetic.new/openai/v1'),
  doubao: compatible(
    'Doubao',
    'doubaoApiKey',
    'https://ark.cn-beijing.volces.com/api/v3',
    undefined,
    'doubaoBaseUrl',
  ),
  deepinfra: compatible(
    'DeepInfra',
    'deepInfraApiKey',
    'https://api.deepinfra.com/v1/openai',
    ['deepInfraModelId', 'apiModelId'],
    'deepInfraBaseUrl',
  ),
  huggingface: compatible('Hugging Face', 'huggingFaceApiKey', 'https://router.huggingface.co/v1', [
    'huggingFaceModelId',
  ]),
  'io-intelligence': compatible(
    'IO Intelligence',
    'ioIntelligenceApiKey',
    'https://api.intelligence.io.solutions/api/v1',
    ['ioIntelligenceModelId', 'apiModelId'],
  ),
  ovhcloud: compatible(
    'OVHcloud AI Endpoints',
    'ovhCloudAiEndpointsApiKey',
    'https://oai.endpoints.kepler.ai.cloud.ovh.net/v1',
    ['ovhCloudAiEndpointsModelId'],
    'ovhCloudAiEndpointsBaseUrl',
  ),
  zai: {
    ...compatible('Z.ai', 'zaiApiKey', 'https://api.z.ai/api/coding/paas/v4'),
    baseUrlBySetting: {
      field: 'zaiApiLine',
      values: {
        international_coding: 'https://api.z.ai/api/coding/paas/v4',
        china_coding: 'https://open.bigmodel.cn/api/coding/paas/v4',
        international_api: 'https://api.z.ai/api/paas/v4',
        china_api: 'https://open.bigmodel.cn/api/paas/v4',
      },
    },
  },
  bedrock: {
    unsupported:
      'Amazon Bedrock signs requests with AWS credentials (SigV4), which ThinkBackCode does not support',
  },
  vertex: {
    unsupported:
      'Google Vertex AI authenticates with Google Cloud service-account credentials, not an API key',
  },
  'gemini-cli': { unsupported: `Gemini CLI ${OAUTH}` },
  'qwen-code': { unsupported: `Qwen Code ${OAUTH}` },
  'claude-code': { unsupported: `Claude Code ${OAUTH}` },
  'openai-codex': { unsupported: `OpenAI Codex ${OAUTH}` },
  roo: {
    unsupported: 'Roo Code Cloud signs in with a Roo account; there is no API key to migrate',
  },
  cline: {
    unsupported: 'the Cline provider signs in with a Cline account; there is no API key to migrate',
  },
  'vscode-lm': {
    unsupported: "VS Code's language model API exists only inside VS Code",
  },
  'virtual-quota-fallback': {
    unsupported:
      'a fallback chain over other profiles has no ThinkBackCode equivalent; the profiles it names are migrated on their own',
    detail: (fields) => {
      const names = Array.isArray(fields.profiles)
        ? fields.profiles
            .map((entry: unknown) =>
              typeof entry === 'object' && entry !== null && 'profileName' in entry
                ? String(entry.profileName)
                : undefined,
            )
            .filter((name): name is string => name !== undefined)
        : [];
      return names.length > 0 ? `chain: ${names.join(' → ')}` : undefined;
    },
  },
  'human-relay': { unsupported: 'human relay is not a model provider' },
  'fake-ai': { unsupported: 'fake-ai is a test double, not a model provider' },
};

/** The spec for a source provider id, or `undefined` when the id is unknown. */
export function findSourceProvider(id: string): SourceProviderSpec | UnsupportedSpec | undefined {
  return Object.hasOwn(SOURCE_PROVIDERS, id) ? SOURCE_PROVIDERS[id] : undefined;
}

/** True for a spec of a provider we cannot serve. */
export function isUnsupportedSpec(
  spec: SourceProviderSpec | UnsupportedSpec,
): spec is UnsupportedSpec {
  return 'unsupported' in spec;
}
