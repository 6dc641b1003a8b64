import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Thought signatures the simulator issues. The real ones are opaque encrypted model state; these
 * are base64 of an HMAC over the function call (name + canonical arguments), so the simulator can
 * tell whether a replayed call carries the signature it issued for exactly that call.
 */
const secret = 'thinkbackcode-gemini-simulator';
const prefix = Buffer.from('tbcsim1:');

/** The values Google documents for conversations whose calls did not come from Gemini. */
export const BYPASS_SIGNATURES: readonly string[] = [
  'skip_thought_signature_validator',
  'context_engineering_is_the_way_to_go',
];

/** JSON with object keys sorted, so key order does not change a signature. */
function canonicalJSON(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJSON).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJSON(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function mac(subject: string): Buffer {
  return createHmac('sha256', secret).update(subject).digest();
}

/** The signature for a function call (deterministic). */
export function functionCallSignature(name: string, args: unknown): string {
  return Buffer.concat([prefix, mac(`call\n${name}\n${canonicalJSON(args ?? {})}`)]).toString(
    'base64',
  );
}

/** The signature put on the last text part of a Gemini 3 answer (deterministic per text). */
export function textSignature(text: string): string {
  return Buffer.concat([prefix, mac(`text\n${text}`)]).toString('base64');
}

/**
 * Checks a replayed function-call signature: `valid` when it is the one issued for this call (or
 * a scripted one issued for it), `bypass` for the documented substitutes, `corrupted` otherwise.
 */
export function checkFunctionCallSignature(
  signature: string,
  name: string,
  args: unknown,
  scripted: ReadonlyMap<string, string>,
): 'valid' | 'bypass' | 'corrupted' {
  if (BYPASS_SIGNATURES.includes(signature)) return 'bypass';
  const expected = Buffer.from(functionCallSignature(name, args));
  const given = Buffer.from(signature);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return 'valid';
  if (scripted.get(signature) === `${name}\n${canonicalJSON(args ?? {})}`) return 'valid';
  return 'corrupted';
}

/** The key under which a scripted (caller-chosen) signature is remembered for its call. */
export function scriptedSignatureKey(name: string, args: unknown): string {
  return `${name}\n${canonicalJSON(args ?? {})}`;
}
