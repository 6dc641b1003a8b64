import type { ProfileSettings } from '../types.js';
import { type JsonObject, readBoolean, readNumber, readString } from './fields.js';

const REASONING_OFF = new Set(['disable', 'none', 'off']);

/**
 * Reads the generation settings every Kilo/Roo profile may carry (`modelTemperature`,
 * `modelMaxTokens`, `enableReasoningEffort`, `reasoningEffort`, `modelMaxThinkingTokens`,
 * `verbosity`, `rateLimitSeconds`) plus a context window. Returns `undefined` when none is set.
 */
export function readProfileSettings(
  fields: JsonObject,
  contextWindowFields: readonly string[],
): ProfileSettings | undefined {
  const settings: ProfileSettings = {};
  const temperature = readNumber(fields, 'modelTemperature');
  if (temperature !== undefined) settings.temperature = temperature;
  const maxTokens = readNumber(fields, 'modelMaxTokens');
  if (maxTokens !== undefined && readBoolean(fields, 'includeMaxTokens') !== false) {
    settings.maxTokens = maxTokens;
  }
  const reasoning = readReasoning(fields);
  if (reasoning !== undefined) settings.reasoning = reasoning;
  const verbosity = readString(fields, 'verbosity');
  if (verbosity !== undefined) settings.verbosity = verbosity;
  for (const field of contextWindowFields) {
    const contextWindow = readNumber(fields, field);
    if (contextWindow !== undefined) {
      settings.contextWindow = contextWindow;
      break;
    }
  }
  const rateLimitSeconds = readNumber(fields, 'rateLimitSeconds');
  if (rateLimitSeconds !== undefined && rateLimitSeconds > 0) {
    settings.rateLimitSeconds = rateLimitSeconds;
  }
  return Object.keys(settings).length === 0 ? undefined : settings;
}

function readReasoning(fields: JsonObject): ProfileSettings['reasoning'] {
  const enabledFlag = readBoolean(fields, 'enableReasoningEffort');
  const effort = readString(fields, 'reasoningEffort');
  const budgetTokens = readNumber(fields, 'modelMaxThinkingTokens');
  if (enabledFlag === undefined && effort === undefined && budgetTokens === undefined) {
    return undefined;
  }
  const enabled = enabledFlag !== false && !(effort !== undefined && REASONING_OFF.has(effort));
  return {
    enabled,
    ...(effort === undefined || REASONING_OFF.has(effort) ? {} : { effort }),
    ...(budgetTokens === undefined ? {} : { budgetTokens }),
  };
}
