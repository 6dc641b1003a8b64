import { type Simulator, type SimulatorOptions, startSimulatorServer } from '../harness.js';
import type { OllamaInstalledModel } from './models.js';
import { createOllamaHandler } from './routes.js';

export type { OllamaInstalledModel } from './models.js';

/** Options of the Ollama simulator. */
export interface OllamaSimulatorOptions extends SimulatorOptions {
  /**
   * Installed models. When set, `/api/tags` and `/v1/models` list them and chat with any other
   * model gets Ollama's `404 model '<name>' not found`. Default: the recorded `/api/tags` body is
   * served and chat accepts any model name.
   */
  models?: OllamaInstalledModel[];
}

/**
 * Starts a loopback simulator of Ollama's native API (base URL = the host, e.g.
 * `http://127.0.0.1:40123`, as `new Ollama({ host })` takes it). Local Ollama has no auth, so
 * any or no `Authorization` is accepted unless `apiKey` is given; then it behaves like
 * ollama.com and requires `Authorization: Bearer <apiKey>` (401 `{"error":"unauthorized"}`).
 */
export function startOllamaSimulator(options: OllamaSimulatorOptions = {}): Promise<Simulator> {
  return startSimulatorServer(
    options,
    '',
    createOllamaHandler({ apiKey: options.apiKey, models: options.models }),
  );
}
