export * from './anthropic/index.js';
export * from './gemini/index.js';
export {
  type HandlerContext,
  type RecordedRequest,
  type Simulator,
  type SimulatorOptions,
  sendJSON,
  startSimulatorServer,
} from './harness.js';
export * from './ollama/index.js';
export * from './openai/index.js';
export {
  argumentsJSON,
  DEFAULT_CREATED,
  estimateTokens,
  type ScriptedError,
  type ScriptedErrorKind,
  type ScriptedToolCall,
  type ScriptedTurn,
  type ScriptedUsage,
  splitText,
} from './script.js';
