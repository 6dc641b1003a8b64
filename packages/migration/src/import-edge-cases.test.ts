import { describe, expect, it } from 'vitest';
import { MigrationError } from './errors.js';
import { importKiloCodeConfig } from './import-config.js';

const exportOf = (apiConfigs: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  providerProfiles: { currentApiConfigName: Object.keys(apiConfigs)[0], apiConfigs, ...extra },
});

function thrown(run: () => unknown): MigrationError {
  try {
    run();
  } catch (error) {
    if (MigrationError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a MigrationError');
}

describe('importKiloCodeConfig edge cases', () => {
  it('lists unknown and unconfigured providers as unsupported, never dropping them', () => {
    const result = importKiloCodeConfig(
      exportOf({
        Mystery: { id: 'a', apiProvider: 'quantum-llm', quantumApiKey: 'x' },
        Blank: { id: 'b' },
        Broken: 'not an object',
        Odd: { id: 'c', apiProvider: 42 },
      }),
    );
    expect(result.profiles).toEqual([]);
    expect(result.unsupported).toEqual([
      {
        name: 'Mystery',
        apiProvider: 'quantum-llm',
        reason: expect.stringContaining('unknown provider "quantum-llm"'),
      },
      { name: 'Blank', apiProvider: '', reason: 'the profile names no provider' },
      { name: 'Broken', apiProvider: '', reason: 'the profile is not a JSON object' },
      { name: 'Odd', apiProvider: '', reason: 'apiProvider is not a string' },
    ]);
  });

  it('maps a profile without its key, saying so through hasKey', () => {
    const result = importKiloCodeConfig(
      exportOf({
        Claude: { id: 'a', apiProvider: 'anthropic', apiModelId: 'claude-x', apiKey: '   ' },
      }),
    );
    expect(result.profiles[0]).toMatchObject({
      id: 'claude',
      provider: 'anthropic',
      hasKey: false,
    });
  });

  it('imports an empty export with a warning', () => {
    const result = importKiloCodeConfig({
      providerProfiles: { currentApiConfigName: 'default', apiConfigs: {}, modeApiConfigs: {} },
      globalSettings: {},
    });
    expect(result.profiles).toEqual([]);
    expect(result.unsupported).toEqual([]);
    expect(result.warnings).toEqual([
      'The active profile "default" is not among the exported profiles',
      'The file holds no provider profiles',
    ]);
  });

  it('rejects malformed JSON naming the problem and where it is', () => {
    const error = thrown(() =>
      importKiloCodeConfig('{\n  "providerProfiles": {\n    "apiConfigs": {,}\n  }\n}'),
    );
    expect(error.code).toBe('invalid_json');
    expect(error.message).toBe(
      "Malformed JSON at line 3, column 20: expected a property name but found ','",
    );
  });

  it('rejects JSON that is none of the formats, and input that is not JSON text or an object', () => {
    expect(thrown(() => importKiloCodeConfig('{}')).message).toContain('the object is empty');
    expect(thrown(() => importKiloCodeConfig('{"theme":"dark"}')).code).toBe('unrecognized_format');
    expect(thrown(() => importKiloCodeConfig('[1,2]')).message).toContain('found an array');
    expect(thrown(() => importKiloCodeConfig([] as unknown as object)).code).toBe('invalid_input');
  });

  it('warns when a JSON object repeats a profile name (the last one wins)', () => {
    const text =
      '{"providerProfiles":{"apiConfigs":{"A":{"id":"1","apiProvider":"ollama"},"A":{"id":"2","apiProvider":"lmstudio"}}}}';
    const result = importKiloCodeConfig(text);
    expect(result.profiles.map((profile) => profile.provider)).toEqual(['lmstudio']);
    expect(result.warnings).toContain(
      'The profile "A" appears twice in the file; only the last one was read',
    );
  });

  it('renames repeated CLI ids and gives colliding names distinct config ids', () => {
    const result = importKiloCodeConfig({
      providers: [
        { id: 'work', provider: 'ollama' },
        { id: 'work', provider: 'lmstudio' },
        { id: 'Work!', provider: 'ollama' },
      ],
    });
    expect(result.profiles.map(({ name, id }) => ({ name, id }))).toEqual([
      { name: 'work', id: 'work' },
      { name: 'work (2)', id: 'work-2' },
      { name: 'Work!', id: 'work-3' },
    ]);
    expect(result.warnings).toContain(
      'Two profiles are named "work"; the later one was renamed "work (2)"',
    );
  });

  it('imports thousands of profiles quickly', () => {
    const apiConfigs: Record<string, unknown> = {};
    for (let index = 0; index < 5000; index += 1) {
      apiConfigs[`Profile ${index}`] = {
        id: `id-${index}`,
        apiProvider: index % 2 === 0 ? 'openrouter' : 'anthropic',
        openRouterApiKey: `sk-or-FAKE-${index}`,
        apiKey: `sk-ant-FAKE-${index}`,
        openRouterModelId: 'x/y',
        apiModelId: 'claude-x',
      };
    }
    const text = JSON.stringify(exportOf(apiConfigs));
    const started = performance.now();
    const result = importKiloCodeConfig(text);
    const elapsed = performance.now() - started;
    expect(result.profiles).toHaveLength(5000);
    expect(new Set(result.profiles.map((profile) => profile.id)).size).toBe(5000);
    expect(result.profiles.every((profile) => profile.hasKey)).toBe(true);
    expect(elapsed).toBeLessThan(2000);
  });
});

describe('importKiloCodeConfig connection details', () => {
  const one = (fields: Record<string, unknown>) =>
    importKiloCodeConfig(exportOf({ P: { id: 'p', ...fields } }));

  it('turns an Authorization bearer header into the key and drops other credential headers', () => {
    const result = one({
      apiProvider: 'openai',
      openAiBaseUrl: 'https://proxy.example.com/v1',
      openAiHeaders: {
        Authorization: 'Bearer FAKE-header-key',
        'X-Secret-Token': 'FAKE-2',
        'X-Team': 'a',
      },
    });
    const profile = result.profiles[0];
    expect(profile?.hasKey).toBe(true);
    expect(profile?.headers).toEqual({ 'X-Team': 'a' });
    expect(profile?.warnings).toEqual([
      'the "X-Secret-Token" header looks like a credential and was not migrated',
    ]);
  });

  it('sends a key found in an api-key header through that header', () => {
    const result = one({
      apiProvider: 'openai',
      openAiBaseUrl: 'https://x.example.com/v1',
      openAiHeaders: { 'api-key': 'FAKE-azure-style' },
    });
    expect(result.profiles[0]?.config).toMatchObject({ authHeader: 'api-key' });
  });

  it('removes credentials from base URLs and adds a scheme to a bare host', () => {
    const withUser = one({
      apiProvider: 'openai',
      openAiBaseUrl: 'https://user:pw@llm.example.com/v1/?key=abc&x=1',
    });
    expect(withUser.profiles[0]?.baseUrl).toBe('https://llm.example.com/v1?x=1');
    expect(withUser.profiles[0]?.warnings).toHaveLength(2);
    const bare = one({ apiProvider: 'ollama', ollamaBaseUrl: 'localhost:11434/' });
    expect(bare.profiles[0]?.baseUrl).toBe('http://localhost:11434');
  });

  it("drops the vendor's own base URL so the adapter default applies", () => {
    expect(
      one({ apiProvider: 'anthropic', anthropicBaseUrl: 'https://api.anthropic.com/' }).profiles[0]
        ?.baseUrl,
    ).toBeUndefined();
    expect(
      one({ apiProvider: 'anthropic', anthropicBaseUrl: 'https://claude-proxy.example.com' })
        .profiles[0]?.baseUrl,
    ).toBe('https://claude-proxy.example.com');
  });

  it('maps Anthropic bearer auth to a custom Anthropic endpoint and the 1M beta to betas', () => {
    const bearer = one({ apiProvider: 'anthropic', apiKey: 'k', anthropicUseAuthToken: true });
    expect(bearer.profiles[0]?.config).toMatchObject({
      provider: 'custom',
      requestFormat: 'anthropic',
      baseUrl: 'https://api.anthropic.com',
      authHeader: 'Authorization',
    });
    const beta = one({ apiProvider: 'anthropic', apiKey: 'k', anthropicBeta1MContext: true });
    expect(beta.profiles[0]?.config).toMatchObject({
      provider: 'anthropic',
      betas: ['context-1m-2025-08-07'],
    });
  });

  it('serves Azure only through its v1 API', () => {
    const legacy = one({
      apiProvider: 'openai',
      openAiUseAzure: true,
      openAiBaseUrl: 'https://x.openai.azure.com/openai/deployments/gpt',
    });
    expect(legacy.unsupported[0]?.reason).toContain('api-version');
    const v1 = one({
      apiProvider: 'openai',
      openAiUseAzure: true,
      openAiBaseUrl: 'https://x.openai.azure.com/openai/v1',
    });
    expect(v1.profiles[0]?.config).toMatchObject({ provider: 'custom', authHeader: 'api-key' });
  });

  it('picks endpoints from settings and formats from paths', () => {
    const zai = one({
      apiProvider: 'zai',
      zaiApiKey: 'k',
      zaiApiLine: 'china_coding',
      apiModelId: 'glm-4.6',
    });
    expect(zai.profiles[0]?.baseUrl).toBe('https://open.bigmodel.cn/api/coding/paas/v4');
    const minimax = one({
      apiProvider: 'minimax',
      minimaxApiKey: 'k',
      minimaxBaseUrl: 'https://api.minimax.io/anthropic',
    });
    expect(minimax.profiles[0]?.requestFormat).toBe('anthropic');
  });

  it('reports settings it cannot carry over', () => {
    const result = one({
      apiProvider: 'gemini',
      geminiApiKey: 'k',
      enableGrounding: true,
      openAiStreamingEnabled: false,
    });
    expect(result.profiles[0]?.warnings).toEqual([
      'streaming was turned off for this profile; ThinkBackCode streams whenever the client asks',
      'Google Search grounding (enableGrounding) is not supported and was not carried over',
    ]);
  });

  it('respects disabled reasoning and includeMaxTokens', () => {
    const result = one({
      apiProvider: 'anthropic',
      enableReasoningEffort: false,
      modelMaxThinkingTokens: 1024,
      modelMaxTokens: 4096,
      includeMaxTokens: false,
    });
    expect(result.profiles[0]?.settings).toEqual({
      reasoning: { enabled: false, budgetTokens: 1024 },
    });
  });
});
