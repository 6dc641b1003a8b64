import type { ServerResponse } from 'node:http';
import { OLLAMA_JSON } from './errors.js';

/** A locally installed model, as `/api/tags` describes it. */
export interface OllamaInstalledModel {
  name: string;
  /** Model family, e.g. `llama`, `qwen3` (default `llama`). */
  family?: string;
  /** e.g. `8.0B` (default `8.0B`). */
  parameterSize?: string;
  /** e.g. `Q4_K_M` (default `Q4_K_M`). */
  quantizationLevel?: string;
  /** Bytes on disk (default 4,920,753,328). */
  size?: number;
}

/**
 * The `/api/tags` body recorded from a real server (crmne/ruby_llm, `initial_model_refresh.yml`
 * #5), served byte for byte when the simulator is given no model list.
 */
export const RECORDED_TAGS_BODY =
  '{"models":[{"name":"snowflake-arctic-embed:22m","model":"snowflake-arctic-embed:22m","modified_at":"2025-03-26T17:18:08.367580922Z","size":45838698,"digest":"bf75350e17522c7dfe63e98f50457b27fadcfee62f0c0767c1c86053407c2abb","details":{"parent_model":"","format":"gguf","family":"bert","families":["bert"],"parameter_size":"23M","quantization_level":"F16"}},{"name":"smollm:135m","model":"smollm:135m","modified_at":"2025-03-26T17:18:01.303574119Z","size":91739413,"digest":"b0b2a46174385c0adcaa77ff245ffeced5fc4a61447b6f221b2beb5c5a760133","details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],"parameter_size":"134.52M","quantization_level":"Q4_0"}}]}';

/** Modification time reported for every simulated model (fixed for reproducible runs). */
const MODIFIED_AT = '2026-01-01T00:00:00Z';
const MODIFIED_UNIX = 1_767_225_600;

/** A deterministic fake sha256 digest for a model name. */
function digestOf(name: string): string {
  let hex = '';
  let seed = 0;
  for (const character of name) seed = (seed * 31 + character.charCodeAt(0)) >>> 0;
  while (hex.length < 64) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    hex += seed.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

/** One `/api/tags` entry, keys in the recorded order. */
function tagEntry(model: OllamaInstalledModel): Record<string, unknown> {
  const family = model.family ?? 'llama';
  return {
    name: model.name,
    model: model.name,
    modified_at: MODIFIED_AT,
    size: model.size ?? 4_920_753_328,
    digest: digestOf(model.name),
    details: {
      parent_model: '',
      format: 'gguf',
      family,
      families: [family],
      parameter_size: model.parameterSize ?? '8.0B',
      quantization_level: model.quantizationLevel ?? 'Q4_K_M',
    },
  };
}

/** Names of the models the recorded `/api/tags` lists. */
export const RECORDED_MODEL_NAMES = ['snowflake-arctic-embed:22m', 'smollm:135m'];

function send(response: ServerResponse, text: string, contentType: string): void {
  response.writeHead(200, {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/** `GET /api/tags`: the recorded body, or the given models in the same shape. */
export function sendTags(
  response: ServerResponse,
  models: OllamaInstalledModel[] | undefined,
): void {
  const text =
    models === undefined ? RECORDED_TAGS_BODY : JSON.stringify({ models: models.map(tagEntry) });
  send(response, text, OLLAMA_JSON);
}

/**
 * `GET /v1/models` (OpenAI compatibility): `{object:"list",data:[{id,object,created,owned_by}]}`
 * with Go's encoder newline at the end and a bare `application/json` type, as recorded.
 */
export function sendOpenAIModels(
  response: ServerResponse,
  models: OllamaInstalledModel[] | undefined,
): void {
  const names = models === undefined ? RECORDED_MODEL_NAMES : models.map((model) => model.name);
  const data = names.map((id) => ({
    id,
    object: 'model',
    created: MODIFIED_UNIX,
    owned_by: 'library',
  }));
  send(response, `${JSON.stringify({ object: 'list', data })}\n`, 'application/json');
}

/** Version the simulator reports from `GET /api/version`. */
export const SIMULATED_OLLAMA_VERSION = '0.12.6';

/** `GET /api/version`. */
export function sendVersion(response: ServerResponse): void {
  send(response, JSON.stringify({ version: SIMULATED_OLLAMA_VERSION }), OLLAMA_JSON);
}
