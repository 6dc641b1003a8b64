/** One entry of `GET /v1/models`, keys in the recorded order. */
export interface ModelEntry {
  type: 'model';
  id: string;
  display_name: string;
  created_at: string;
}

const entry = (id: string, display_name: string, created_at: string): ModelEntry => ({
  type: 'model',
  id,
  display_name,
  created_at,
});

/** The models the simulator lists (as the recorded list, newest first). */
export const SIMULATED_MODELS: readonly ModelEntry[] = [
  entry('claude-haiku-4-5-20251001', 'Claude Haiku 4.5', '2025-10-15T00:00:00Z'),
  entry('claude-sonnet-4-5-20250929', 'Claude Sonnet 4.5', '2025-09-29T00:00:00Z'),
  entry('claude-opus-4-1-20250805', 'Claude Opus 4.1', '2025-08-05T00:00:00Z'),
  entry('claude-opus-4-20250514', 'Claude Opus 4', '2025-05-22T00:00:00Z'),
  entry('claude-sonnet-4-20250514', 'Claude Sonnet 4', '2025-05-22T00:00:00Z'),
  entry('claude-3-7-sonnet-20250219', 'Claude Sonnet 3.7', '2025-02-24T00:00:00Z'),
  entry('claude-3-5-haiku-20241022', 'Claude Haiku 3.5', '2024-10-22T00:00:00Z'),
];

/**
 * A page of the model list: `{data, has_more, first_id, last_id}`, with the API's `limit`
 * (default 20, 1–1000), `after_id` and `before_id` cursors.
 */
export function modelsPage(query: URLSearchParams): unknown {
  const limit = Math.min(1000, Math.max(1, Number(query.get('limit') ?? 20) || 20));
  const after = query.get('after_id');
  const before = query.get('before_id');
  let start = 0;
  let end = SIMULATED_MODELS.length;
  if (after !== null) start = SIMULATED_MODELS.findIndex((model) => model.id === after) + 1;
  if (before !== null)
    end = Math.max(
      0,
      SIMULATED_MODELS.findIndex((model) => model.id === before),
    );
  const data =
    before !== null && after === null
      ? SIMULATED_MODELS.slice(Math.max(start, end - limit), end)
      : SIMULATED_MODELS.slice(start, Math.min(end, start + limit));
  const lastIndex =
    data.length === 0 ? -1 : SIMULATED_MODELS.indexOf(data[data.length - 1] as ModelEntry);
  return {
    data,
    has_more: lastIndex !== -1 && lastIndex < end - 1,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}

/** A model by id or by its undated alias (`claude-haiku-4-5`), as the API resolves it. */
export function findModel(id: string): ModelEntry | undefined {
  return SIMULATED_MODELS.find(
    (model) => model.id === id || model.id.replace(/-\d{8}$/, '') === id,
  );
}
