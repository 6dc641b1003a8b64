/** Model-list shapes: OpenAI's, or LM Studio's (no `created`, `object` last). */
export type ModelListShape = 'openai' | 'lmstudio';

/** Models `GET /v1/models` lists by default (the adapter catalog plus a non-chat model). */
export const DEFAULT_MODELS: readonly string[] = [
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-4o',
  'gpt-4o-mini',
  'o3',
  'o3-mini',
  'o4-mini',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'text-embedding-3-small',
];

const CREATED = 1_744_316_542;

/** One model object in the list's shape. */
export function modelObject(id: string, shape: ModelListShape): Record<string, unknown> {
  return shape === 'openai'
    ? { id, object: 'model', created: CREATED, owned_by: 'system' }
    : { id, object: 'model', owned_by: 'organization_owner' };
}

/**
 * The `GET /v1/models` body: `models-list.http.json` (OpenAI) or the LM Studio quote
 * (`lmstudio-v1-models.issue-quote.json`), pretty-printed with 2 spaces.
 */
export function modelListBody(models: readonly string[], shape: ModelListShape): string {
  const data = models.map((id) => modelObject(id, shape));
  const body = shape === 'openai' ? { object: 'list', data } : { data, object: 'list' };
  return JSON.stringify(body, null, 2);
}
