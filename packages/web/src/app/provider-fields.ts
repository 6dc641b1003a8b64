import type { ListedProvider, ProviderConfigBody, ProviderKind } from './api-types.js';

/** How a field is edited and how its text becomes a config value. */
export type FieldType = 'text' | 'secret' | 'url' | 'integer' | 'checkbox' | 'list' | 'json';

/** One field of the provider form (a field of the core `ProviderConfig`). */
export interface ProviderField {
  /** The config property. */
  name: string;
  label: string;
  type: FieldType;
  /** The kinds that show this field. */
  kinds: readonly ProviderKind[] | 'all';
  /** Required when creating (a key may stay empty when editing: the stored one is kept). */
  required?: readonly ProviderKind[];
  /** Choices of a select. */
  options?: readonly string[];
  hint?: string;
  placeholder?: string;
}

const keyed: readonly ProviderKind[] = ['openai', 'anthropic', 'google', 'thinkbackcode'];

/** Every provider form field, in display order. */
export const PROVIDER_FIELDS: readonly ProviderField[] = [
  {
    name: 'id',
    label: 'Id',
    type: 'text',
    kinds: 'all',
    hint: 'Name used in /v1 model ids (provider/model). Default: the kind, or the name for custom.',
    placeholder: 'openai',
  },
  { name: 'name', label: 'Name', type: 'text', kinds: ['custom'], required: ['custom'] },
  {
    name: 'requestFormat',
    label: 'Request format',
    type: 'text',
    kinds: ['custom'],
    required: ['custom'],
    options: ['openai', 'anthropic', 'custom'],
  },
  {
    name: 'apiKey',
    label: 'API key',
    type: 'secret',
    kinds: 'all',
    required: keyed,
    hint: 'Stored encrypted by the gateway and never shown again (listed as its last 4 characters).',
  },
  {
    name: 'baseUrl',
    label: 'Base URL',
    type: 'url',
    kinds: 'all',
    required: ['custom'],
    hint: 'Without a trailing slash. Empty: the vendor default.',
    placeholder: 'https://api.openai.com/v1',
  },
  { name: 'defaultModel', label: 'Default model', type: 'text', kinds: 'all' },
  { name: 'organization', label: 'Organization', type: 'text', kinds: ['openai'] },
  { name: 'project', label: 'Project', type: 'text', kinds: ['openai'] },
  {
    name: 'anthropicVersion',
    label: 'anthropic-version',
    type: 'text',
    kinds: ['anthropic'],
    placeholder: '2023-06-01',
  },
  { name: 'betas', label: 'Beta flags', type: 'list', kinds: ['anthropic'], hint: 'Comma list.' },
  {
    name: 'allowBrowserAccess',
    label: 'Allow direct browser access',
    type: 'checkbox',
    kinds: ['anthropic'],
  },
  {
    name: 'apiVersion',
    label: 'API version',
    type: 'text',
    kinds: ['google'],
    placeholder: 'v1beta',
  },
  {
    name: 'numCtx',
    label: 'Context window (tokens)',
    type: 'integer',
    kinds: ['ollama', 'lmstudio'],
  },
  {
    name: 'keepAlive',
    label: 'Keep alive',
    type: 'text',
    kinds: ['ollama', 'lmstudio'],
    placeholder: '5m',
  },
  {
    name: 'authHeader',
    label: 'Auth header',
    type: 'text',
    kinds: ['custom'],
    hint: 'Default: Authorization: Bearer (x-api-key for the anthropic format).',
  },
  {
    name: 'models',
    label: 'Models',
    type: 'list',
    kinds: ['custom'],
    hint: 'Comma list, for endpoints without a model list.',
  },
  {
    name: 'mapping',
    label: 'Mapping (JSON)',
    type: 'json',
    kinds: ['custom'],
    hint: 'Required for the custom request format: requestTemplate, response paths, stream…',
  },
  { name: 'timeoutMs', label: 'Timeout (ms)', type: 'integer', kinds: 'all' },
  {
    name: 'headers',
    label: 'Extra headers (JSON)',
    type: 'json',
    kinds: 'all',
    placeholder: '{"x-team": "core"}',
  },
];

/** The fields shown for a kind. */
export function fieldsFor(kind: ProviderKind): ProviderField[] {
  return PROVIDER_FIELDS.filter((field) => field.kinds === 'all' || field.kinds.includes(kind));
}

/** Raw form values: text for inputs, booleans for checkboxes. */
export type FormValues = Record<string, string | boolean>;

/**
 * Form values → a config body for the admin API, or an error message. Empty fields are left out;
 * when `editing`, an empty key is left out too so the gateway keeps the stored one.
 */
export function formToConfig(
  kind: ProviderKind,
  values: FormValues,
  editing: boolean,
): ProviderConfigBody | string {
  const config: ProviderConfigBody = { provider: kind };
  for (const field of fieldsFor(kind)) {
    const raw = values[field.name];
    const required = field.required?.includes(kind) === true;
    if (field.type === 'checkbox') {
      if (raw === true) config[field.name] = true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (required && !(editing && field.type === 'secret')) return `${field.label} is required`;
      continue;
    }
    const value = parseValue(field, text);
    if (value instanceof FieldError) return value.message;
    config[field.name] = value;
  }
  if (kind === 'custom' && config.requestFormat === 'custom' && config.mapping === undefined) {
    return 'Mapping (JSON) is required for the custom request format';
  }
  if (typeof config.id === 'string' && !/^[A-Za-z0-9_.-]{1,64}$/.test(config.id)) {
    return 'Id must be 1–64 letters, digits, _, . or -';
  }
  return config;
}

/** A field's text that does not parse. */
class FieldError {
  constructor(readonly message: string) {}
}

function parseValue(field: ProviderField, text: string): unknown {
  switch (field.type) {
    case 'integer': {
      const number = Number(text);
      return Number.isInteger(number) && number > 0
        ? number
        : new FieldError(`${field.label} must be a whole number above 0`);
    }
    case 'list': {
      // Lists of objects (custom models with prices) round-trip as JSON.
      if (text.startsWith('[')) {
        try {
          const parsed: unknown = JSON.parse(text);
          if (Array.isArray(parsed)) return parsed;
        } catch {
          // Reported below.
        }
        return new FieldError(`${field.label} must be a comma list or a JSON array`);
      }
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    }
    case 'json': {
      try {
        const parsed: unknown = JSON.parse(text);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
      } catch {
        // Reported below.
      }
      return new FieldError(`${field.label} must be a JSON object`);
    }
    case 'url': {
      try {
        const url = new URL(text);
        if (url.protocol === 'http:' || url.protocol === 'https:') return text.replace(/\/+$/, '');
      } catch {
        // Reported below.
      }
      return new FieldError(`${field.label} must be an http(s) URL`);
    }
    default:
      return text;
  }
}

/** A listed config → form values (the key field stays empty: the API never returns it). */
export function configToForm(config: ListedProvider): FormValues {
  const values: FormValues = {};
  for (const field of PROVIDER_FIELDS) {
    const value = config[field.name];
    if (field.type === 'secret' || value === undefined || value === null) continue;
    if (field.type === 'checkbox') values[field.name] = value === true;
    else if (field.type === 'list' && Array.isArray(value)) {
      values[field.name] = value.every((item) => typeof item === 'string')
        ? value.join(', ')
        : JSON.stringify(value);
    } else if (field.type === 'json') values[field.name] = JSON.stringify(value, null, 2);
    else values[field.name] = String(value);
  }
  return values;
}
