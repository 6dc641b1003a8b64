import { describe, expect, it } from 'vitest';
import { fixturePath, readFileSync } from './__fixtures__/fakes.js';
import { importKiloCodeConfig } from './import-config.js';
import type { MigrationResult } from './types.js';

const fixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

function summary(result: MigrationResult) {
  return result.profiles.map((profile) => ({
    name: profile.name,
    id: profile.id,
    provider: profile.provider,
    model: profile.model,
    baseUrl: profile.baseUrl,
    requestFormat: profile.requestFormat,
    hasKey: profile.hasKey,
  }));
}

describe('importKiloCodeConfig: Kilo Code settings export sample', () => {
  const result = importKiloCodeConfig(fixture('kilo-code-settings.sample.json'));

  it('detects the format', () => {
    expect(result.format).toBe('kilo-settings-export');
  });

  it('maps every profile with an equivalent, in source order', () => {
    expect(summary(result)).toEqual([
      {
        name: 'Sonnet',
        id: 'sonnet',
        provider: 'anthropic',
        model: 'claude-sonnet-4-20250514',
        baseUrl: undefined,
        requestFormat: undefined,
        hasKey: true,
      },
      {
        name: 'OpenAI',
        id: 'openai',
        provider: 'openai',
        model: 'o3-mini',
        baseUrl: undefined,
        requestFormat: undefined,
        hasKey: true,
      },
      {
        name: 'Router',
        id: 'router',
        provider: 'custom',
        model: 'google/gemini-2.5-pro',
        baseUrl: 'https://openrouter.ai/api/v1',
        requestFormat: 'openai',
        hasKey: true,
      },
      {
        name: 'Local',
        id: 'local',
        provider: 'ollama',
        model: 'qwen2.5-coder:32b',
        baseUrl: 'http://localhost:11434',
        requestFormat: undefined,
        hasKey: false,
      },
      {
        name: 'Studio',
        id: 'studio',
        provider: 'lmstudio',
        model: 'deepseek-coder-v2-lite',
        baseUrl: 'http://127.0.0.1:1234/v1',
        requestFormat: undefined,
        hasKey: false,
      },
      {
        name: 'Company proxy',
        id: 'company-proxy',
        provider: 'custom',
        model: 'gpt-4o',
        baseUrl: 'https://llm.internal.example.com/v1',
        requestFormat: 'openai',
        hasKey: true,
      },
      {
        name: 'Gemini',
        id: 'gemini',
        provider: 'google',
        model: 'gemini-2.5-flash',
        baseUrl: undefined,
        requestFormat: undefined,
        hasKey: true,
      },
      {
        name: 'Kilo',
        id: 'kilo',
        provider: 'custom',
        model: 'anthropic/claude-sonnet-4',
        baseUrl: 'https://api.kilo.ai/api/openrouter',
        requestFormat: 'openai',
        hasKey: true,
      },
    ]);
  });

  it('builds core ProviderConfig objects without keys', () => {
    const byId = new Map(result.profiles.map((profile) => [profile.id, profile.config]));
    expect(byId.get('sonnet')).toEqual({
      id: 'sonnet',
      provider: 'anthropic',
      defaultModel: 'claude-sonnet-4-20250514',
    });
    expect(byId.get('company-proxy')).toEqual({
      id: 'company-proxy',
      provider: 'custom',
      name: 'company-proxy',
      baseUrl: 'https://llm.internal.example.com/v1',
      requestFormat: 'openai',
      headers: { 'X-Team': 'platform' },
      defaultModel: 'gpt-4o',
      models: ['gpt-4o'],
    });
    expect(byId.get('local')).toEqual({
      id: 'local',
      provider: 'ollama',
      baseUrl: 'http://localhost:11434',
      defaultModel: 'qwen2.5-coder:32b',
      numCtx: 32768,
    });
    for (const profile of result.profiles) expect(profile.config).not.toHaveProperty('apiKey');
  });

  it('carries temperature, reasoning and context settings', () => {
    const settings = Object.fromEntries(
      result.profiles.map((profile) => [profile.id, profile.settings]),
    );
    expect(settings.sonnet).toEqual({ reasoning: { enabled: true, budgetTokens: 8192 } });
    expect(settings.openai).toEqual({ reasoning: { enabled: true, effort: 'medium' } });
    expect(settings['company-proxy']).toEqual({ temperature: 0 });
    expect(settings.local).toEqual({ contextWindow: 32768 });
    expect(settings.router).toBeUndefined();
  });

  it('lists what it cannot serve with the reason', () => {
    expect(result.unsupported).toEqual([
      {
        name: 'Fallback',
        apiProvider: 'virtual-quota-fallback',
        reason: expect.stringContaining('chain: Sonnet → Router'),
      },
      {
        name: 'Bedrock',
        apiProvider: 'bedrock',
        reason: expect.stringContaining('AWS credentials'),
      },
    ]);
  });

  it('turns mode assignments (profile ids) into model preferences', () => {
    expect(result.modelPreferences).toEqual({
      code: { profile: 'Sonnet', id: 'sonnet', model: 'claude-sonnet-4-20250514' },
      architect: { profile: 'OpenAI', id: 'openai', model: 'o3-mini' },
      ask: { profile: 'Local', id: 'local', model: 'qwen2.5-coder:32b' },
      debug: { profile: 'Sonnet', id: 'sonnet', model: 'claude-sonnet-4-20250514' },
    });
    expect(result.activeProfile).toBe('sonnet');
  });

  it('says that global settings are not migrated, and nothing else is wrong', () => {
    expect(result.warnings).toEqual([expect.stringContaining('globalSettings (3 UI')]);
    expect(result.profiles.filter((profile) => profile.warnings !== undefined)).toEqual([]);
  });

  it('gives the same result for the parsed object as for the text', () => {
    const fromObject = importKiloCodeConfig(JSON.parse(fixture('kilo-code-settings.sample.json')));
    expect(fromObject).toEqual(result);
  });
});

describe('importKiloCodeConfig: other formats', () => {
  it('reads the Kilo CLI config, the active entry named by the top-level provider', () => {
    const result = importKiloCodeConfig(fixture('kilo-cli-config.sample.json'));
    expect(result.format).toBe('kilo-cli-config');
    expect(summary(result)).toEqual([
      {
        name: 'default',
        id: 'default',
        provider: 'custom',
        model: 'anthropic/claude-sonnet-4',
        baseUrl: 'https://api.kilo.ai/api/openrouter',
        requestFormat: 'openai',
        hasKey: true,
      },
      {
        name: 'claude',
        id: 'claude',
        provider: 'anthropic',
        model: 'claude-opus-4-1-20250805',
        baseUrl: undefined,
        requestFormat: undefined,
        hasKey: true,
      },
      {
        name: 'local',
        id: 'local',
        provider: 'ollama',
        model: 'llama3.1:8b',
        baseUrl: 'http://localhost:11434',
        requestFormat: undefined,
        hasKey: false,
      },
    ]);
    expect(result.activeProfile).toBe('default');
    expect(result.unsupported).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('falls back to the first CLI entry when no active one is named', () => {
    const config = JSON.parse(fixture('kilo-cli-config.sample.json'));
    delete config.provider;
    config.providers.reverse();
    expect(importKiloCodeConfig(config).activeProfile).toBe('local');
  });

  it('reads a Roo Code export and tells it from Kilo by Roo-only providers', () => {
    const result = importKiloCodeConfig(fixture('roo-code-settings.sample.json'));
    expect(result.format).toBe('roo-settings-export');
    expect(summary(result).map(({ id, provider, baseUrl }) => ({ id, provider, baseUrl }))).toEqual(
      [
        { id: 'default', provider: 'anthropic', baseUrl: undefined },
        { id: 'deepseek', provider: 'custom', baseUrl: 'https://api.deepseek.com/v1' },
      ],
    );
    expect(result.unsupported).toEqual([
      { name: 'Roo Cloud', apiProvider: 'roo', reason: expect.stringContaining('Roo account') },
    ]);
    expect(Object.keys(result.modelPreferences)).toEqual(['code', 'ask']);
    expect(result.warnings).toContain(
      'The mode "architect" used the profile "Roo Cloud", which was not migrated',
    );
  });

  it('reads the bare providerProfiles blob', () => {
    const exported = JSON.parse(fixture('kilo-code-settings.sample.json'));
    const result = importKiloCodeConfig(exported.providerProfiles);
    expect(result.format).toBe('provider-profiles');
    expect(result.profiles).toHaveLength(8);
    expect(result.warnings).toEqual([]);
  });

  it("reads Cline's providers.json, leaving OAuth tokens behind", () => {
    const result = importKiloCodeConfig(fixture('cline-providers.sample.json'));
    expect(result.format).toBe('cline-providers');
    expect(summary(result)).toEqual([
      {
        name: 'anthropic',
        id: 'anthropic',
        provider: 'anthropic',
        model: 'claude-sonnet-4-5-20250929',
        baseUrl: undefined,
        requestFormat: undefined,
        hasKey: true,
      },
      {
        name: 'openai-compatible',
        id: 'openai-compatible',
        provider: 'custom',
        model: 'flashnext',
        baseUrl: 'http://localhost:4000/v1',
        requestFormat: 'openai',
        hasKey: true,
      },
      {
        name: 'ollama',
        id: 'ollama',
        provider: 'ollama',
        model: 'qwen-coder-32k',
        baseUrl: 'http://localhost:11434',
        requestFormat: undefined,
        hasKey: false,
      },
    ]);
    expect(result.profiles[0]?.settings).toEqual({ reasoning: { enabled: true, effort: 'high' } });
    expect(result.profiles[1]?.headers).toEqual({ 'X-Team': 'infra' });
    expect(result.profiles[2]?.settings).toEqual({ contextWindow: 32768 });
    expect(result.unsupported).toEqual([
      { name: 'cline', apiProvider: 'cline', reason: expect.stringContaining('Cline account') },
    ]);
    expect(result.activeProfile).toBe('anthropic');
  });
});
