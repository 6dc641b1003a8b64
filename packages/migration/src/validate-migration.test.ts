import { describe, expect, it } from 'vitest';
import { fixturePath, readFileSync } from './__fixtures__/fakes.js';
import { importKiloCodeConfig } from './import-config.js';
import { validateMigration } from './validate-migration.js';

const sample = () =>
  importKiloCodeConfig(readFileSync(fixturePath('kilo-code-settings.sample.json'), 'utf8'));

describe('validateMigration', () => {
  it('accepts the sample with no errors and no warnings', () => {
    expect(validateMigration(sample())).toEqual({ valid: true, errors: [], warnings: [] });
  });

  it('warns about missing models and missing keys of providers that need one', () => {
    const result = importKiloCodeConfig({
      providers: [
        { id: 'claude', provider: 'anthropic' },
        { id: 'router', provider: 'openrouter', openRouterModelId: 'a/b' },
        {
          id: 'proxy',
          provider: 'openai',
          openAiBaseUrl: 'http://10.0.0.5:8000/v1',
          openAiModelId: 'm',
        },
        { id: 'local', provider: 'ollama', ollamaModelId: 'llama3' },
      ],
    });
    const validation = validateMigration(result);
    expect(validation.valid).toBe(true);
    expect(validation.warnings.map(({ profile, code }) => `${profile}:${code}`)).toEqual([
      'claude:missing_model',
      'claude:missing_key',
      'router:missing_key',
    ]);
  });

  it('rejects bad base URLs, duplicate ids and names, and invalid ids', () => {
    const result = sample();
    const [sonnet, openai, router, local] = result.profiles;
    if (router?.config.provider === 'custom') router.config.baseUrl = 'not a url';
    if (local !== undefined) local.config.baseUrl = 'file:///etc/passwd';
    if (openai !== undefined && sonnet !== undefined) {
      openai.id = sonnet.id;
      openai.name = sonnet.name;
    }
    result.profiles.push({ ...structuredClone(result.profiles[6]!), id: 'Bad Id!', name: 'Other' });
    const codes = validateMigration(result).errors.map(({ profile, code }) => `${profile}:${code}`);
    expect(codes).toEqual([
      'sonnet:duplicate_id',
      'sonnet:duplicate_name',
      'router:invalid_base_url',
      'local:invalid_base_url',
      'Bad Id!:invalid_id',
    ]);
  });

  it('rejects a custom endpoint without a base URL', () => {
    const result = sample();
    const router = result.profiles[2];
    if (router?.config.provider === 'custom') router.config.baseUrl = '';
    expect(validateMigration(result).errors).toEqual([
      {
        profile: 'router',
        code: 'missing_base_url',
        message: 'Profile "Router" is a custom endpoint without a base URL',
      },
    ]);
  });

  it('warns when a key would travel over plain http to a remote host, not to a local one', () => {
    const result = importKiloCodeConfig({
      providers: [
        {
          id: 'remote',
          provider: 'openai',
          openAiApiKey: 'k',
          openAiBaseUrl: 'http://llm.example.com/v1',
          openAiModelId: 'm',
        },
        {
          id: 'near',
          provider: 'openai',
          openAiApiKey: 'k',
          openAiBaseUrl: 'http://192.168.1.20:8000/v1',
          openAiModelId: 'm',
        },
      ],
    });
    expect(
      validateMigration(result).warnings.map((issue) => `${issue.profile}:${issue.code}`),
    ).toEqual(['remote:insecure_base_url']);
  });

  it('reports a result that lost its keys and preferences that point nowhere', () => {
    const copy = JSON.parse(JSON.stringify(sample()));
    copy.modelPreferences.review = { profile: 'Gone', id: 'gone' };
    const validation = validateMigration(copy);
    expect(validation.errors.map((issue) => issue.code)).toEqual(['keys_unavailable']);
    expect(validation.warnings.map((issue) => issue.code)).toEqual(['unknown_preference']);
  });

  it('warns when there is nothing to migrate', () => {
    const empty = importKiloCodeConfig({ providerProfiles: { apiConfigs: {} } });
    expect(validateMigration(empty)).toEqual({
      valid: true,
      errors: [],
      warnings: [{ code: 'nothing_to_migrate', message: 'There is no profile to migrate' }],
    });
  });
});
