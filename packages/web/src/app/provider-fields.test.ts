import { describe, expect, it } from 'vitest';
import { PROVIDER_KINDS } from './api-types.js';
import { configToForm, fieldsFor, formToConfig } from './provider-fields.js';

describe('fieldsFor', () => {
  it('shows each kind its own fields from the core ProviderConfig', () => {
    const names = (kind: (typeof PROVIDER_KINDS)[number]) => fieldsFor(kind).map((f) => f.name);
    expect(names('openai')).toEqual(
      expect.arrayContaining(['id', 'apiKey', 'baseUrl', 'organization', 'project']),
    );
    expect(names('openai')).not.toContain('anthropicVersion');
    expect(names('anthropic')).toEqual(
      expect.arrayContaining(['anthropicVersion', 'betas', 'allowBrowserAccess']),
    );
    expect(names('google')).toContain('apiVersion');
    expect(names('ollama')).toEqual(expect.arrayContaining(['numCtx', 'keepAlive']));
    expect(names('custom')).toEqual(
      expect.arrayContaining(['name', 'requestFormat', 'mapping', 'authHeader', 'models']),
    );
    for (const kind of PROVIDER_KINDS) expect(names(kind)).toContain('apiKey');
  });
});

describe('formToConfig', () => {
  it('builds a typed config and leaves empty fields out', () => {
    expect(
      formToConfig(
        'anthropic',
        {
          id: ' claude ',
          apiKey: 'sk-ant-x',
          baseUrl: 'https://api.anthropic.com/',
          betas: 'a, b,,',
          allowBrowserAccess: true,
          timeoutMs: '30000',
          headers: '{"x-team":"core"}',
          anthropicVersion: '',
          organization: 'ignored: not an anthropic field',
        },
        false,
      ),
    ).toEqual({
      provider: 'anthropic',
      id: 'claude',
      apiKey: 'sk-ant-x',
      baseUrl: 'https://api.anthropic.com',
      betas: ['a', 'b'],
      allowBrowserAccess: true,
      timeoutMs: 30000,
      headers: { 'x-team': 'core' },
    });
  });

  it('requires a key when adding but keeps the stored key (no apiKey) when editing', () => {
    expect(formToConfig('openai', { id: 'openai' }, false)).toBe('API key is required');
    expect(formToConfig('openai', { id: 'openai', apiKey: '  ' }, true)).toEqual({
      provider: 'openai',
      id: 'openai',
    });
    expect(formToConfig('ollama', {}, false)).toEqual({ provider: 'ollama' });
  });

  it('reports invalid values by field', () => {
    expect(formToConfig('ollama', { numCtx: '2.5' }, false)).toBe(
      'Context window (tokens) must be a whole number above 0',
    );
    expect(formToConfig('ollama', { baseUrl: 'ftp://x' }, false)).toBe(
      'Base URL must be an http(s) URL',
    );
    expect(formToConfig('ollama', { headers: '[1]' }, false)).toBe(
      'Extra headers (JSON) must be a JSON object',
    );
    expect(formToConfig('ollama', { id: 'a b' }, false)).toBe(
      'Id must be 1–64 letters, digits, _, . or -',
    );
  });

  it('needs name, base URL and format for custom, and a mapping for the custom format', () => {
    const base = { name: 'acme', baseUrl: 'https://llm.acme.test/v1', requestFormat: 'openai' };
    expect(formToConfig('custom', { ...base, name: '' }, false)).toBe('Name is required');
    expect(formToConfig('custom', base, false)).toEqual({ provider: 'custom', ...base });
    expect(formToConfig('custom', { ...base, requestFormat: 'custom' }, false)).toBe(
      'Mapping (JSON) is required for the custom request format',
    );
    expect(
      formToConfig(
        'custom',
        { ...base, models: '[{"id":"m","pricing":{"input":1}}]', mapping: '{"a":1}' },
        false,
      ),
    ).toMatchObject({ models: [{ id: 'm', pricing: { input: 1 } }], mapping: { a: 1 } });
  });
});

describe('configToForm', () => {
  it('round-trips a listed config (never a key: the API lists only a hint)', () => {
    const listed = {
      provider: 'custom',
      id: 'acme',
      name: 'acme',
      baseUrl: 'https://llm.acme.test/v1',
      requestFormat: 'openai',
      models: ['a', 'b'],
      headers: { 'x-team': 'core' },
      apiKeyHint: '…abcd',
    };
    const values = configToForm(listed);
    expect(values).toMatchObject({ models: 'a, b', requestFormat: 'openai' });
    expect(values.apiKey).toBeUndefined();
    expect(JSON.stringify(values)).not.toContain('abcd');
    const { apiKeyHint: _hint, ...config } = listed;
    expect(formToConfig('custom', values, true)).toEqual(config);
  });
});
