import { readFile } from 'node:fs/promises';
import type { ChatRequest, Tool } from '@thinkbackcode/core';
import { type ParsedArgs, stringFlag, UsageError } from '../args.js';
import { CommandError } from '../support/errors.js';

function numberFlag(
  args: ParsedArgs,
  name: string,
  minimum: number,
  maximum: number,
): number | undefined {
  const text = stringFlag(args, name);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < minimum || value > maximum) {
    throw new UsageError(`--${name} must be a number from ${minimum} to ${maximum}`);
  }
  return value;
}

const EFFORTS = ['minimal', 'low', 'medium', 'high'] as const;

function isTool(value: unknown): value is Tool {
  if (typeof value !== 'object' || value === null) return false;
  const { type, function: definition } = value as { type?: unknown; function?: unknown };
  return (
    type === 'function' &&
    typeof definition === 'object' &&
    definition !== null &&
    typeof (definition as { name?: unknown }).name === 'string' &&
    typeof (definition as { parameters?: unknown }).parameters === 'object'
  );
}

/** Reads `--tools <file>`: a JSON array of `{ type: "function", function: { name, parameters } }`. */
export async function readTools(path: string | undefined): Promise<Tool[] | undefined> {
  if (path === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new CommandError(`${path} could not be read as JSON.`);
  }
  if (!Array.isArray(parsed) || !parsed.every(isTool)) {
    throw new CommandError(
      `${path} must hold an array of tools: { "type": "function", "function": { "name", "parameters" } }.`,
    );
  }
  return parsed;
}

/** The request settings every turn shares, from the flags. */
export async function readRequestSettings(
  args: ParsedArgs,
): Promise<Omit<ChatRequest, 'model' | 'messages'>> {
  const temperature = numberFlag(args, 'temperature', 0, 2);
  const maxTokens = numberFlag(args, 'max-tokens', 1, 10_000_000);
  const effort = stringFlag(args, 'reasoning');
  if (effort !== undefined && !(EFFORTS as readonly string[]).includes(effort)) {
    throw new UsageError(`--reasoning must be one of ${EFFORTS.join(', ')}`);
  }
  const tools = await readTools(stringFlag(args, 'tools'));
  return {
    ...(temperature === undefined ? {} : { temperature }),
    ...(maxTokens === undefined ? {} : { maxTokens: Math.floor(maxTokens) }),
    ...(effort === undefined ? {} : { reasoning: { effort: effort as (typeof EFFORTS)[number] } }),
    ...(tools === undefined ? {} : { tools }),
  };
}
