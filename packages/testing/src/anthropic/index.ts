import { type Simulator, type SimulatorOptions, startSimulatorServer } from '../harness.js';
import { handleAnthropicRequest } from './routes.js';
import { ThinkingSigner } from './signature.js';

export { SIMULATED_MODELS as ANTHROPIC_SIMULATED_MODELS } from './models.js';

/**
 * Starts a loopback simulator of the Anthropic Messages API (`POST /v1/messages`,
 * `GET /v1/models`). `baseUrl` is the origin, as the Anthropic SDK expects. It authenticates with
 * `x-api-key`, requires `anthropic-version`, validates bodies like the real API (role order,
 * tool_use/tool_result pairing, thinking signatures it issued, thinking budget) and answers scripted
 * turns as JSON or as the real SSE event sequence.
 */
export async function startAnthropicSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = { apiKey: options.apiKey ?? 'test-key', signer: new ThinkingSigner() };
  return startSimulatorServer(options, '', (context) => handleAnthropicRequest(context, state));
}
