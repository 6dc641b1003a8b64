import { type Simulator, type SimulatorOptions, startSimulatorServer } from '../harness.js';
import { type GeminiSimulatorState, handleGeminiRequest } from './routes.js';

export { GEMINI_MODELS, type GeminiWireModel } from './models.js';
export { BYPASS_SIGNATURES as GEMINI_BYPASS_SIGNATURES } from './signature.js';

/**
 * Starts a loopback simulator of the Gemini API (Generative Language, v1beta). Its `baseUrl` is
 * the origin (the version is part of each path), which is what `@google/genai` takes as
 * `httpOptions.baseUrl`. Keys are read from `x-goog-api-key` or `?key=`.
 */
export async function startGeminiSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state: GeminiSimulatorState = {
    apiKey: options.apiKey ?? 'test-key',
    scriptedSignatures: new Map(),
    sequence: 0,
  };
  return startSimulatorServer(options, '', (context) => handleGeminiRequest(context, state));
}
