import type { JSONSchema } from '../../spec/index.js';
import type { GeminiSchema } from './wire.js';

/**
 * Keywords Gemini's `Schema` (a subset of OpenAPI 3.0) accepts; the API rejects any other with
 * 400 "Unknown name … Cannot find field". See https://ai.google.dev/api/caching#Schema.
 */
const kept = new Set([
  'type',
  'description',
  'title',
  'enum',
  'nullable',
  'properties',
  'required',
  'items',
  'anyOf',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minProperties',
  'maxProperties',
  'minimum',
  'maximum',
  'pattern',
  'propertyOrdering',
]);

/** `format` values Gemini accepts (strings: `enum`, `date-time`; numbers: their widths). */
const keptFormats = new Set(['enum', 'date-time', 'int32', 'int64', 'float', 'double']);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Resolves a local `#/$defs/x` or `#/definitions/x` reference against the root schema. */
function resolveReference(reference: string, root: Record<string, unknown>): unknown {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(reference);
  if (match === null) return undefined;
  const definitions = root[match[1]!];
  return isObject(definitions) ? definitions[decodeURIComponent(match[2]!)] : undefined;
}

function reduce(
  schema: unknown,
  root: Record<string, unknown>,
  seen: readonly string[],
): GeminiSchema {
  if (!isObject(schema)) return {};
  let source: Record<string, unknown> = schema;
  if (typeof source.$ref === 'string') {
    // Inline the definition (Gemini has no references); a recursive one stops as a plain object.
    if (seen.includes(source.$ref)) return { type: 'object' };
    const target = resolveReference(source.$ref, root);
    const { $ref: _reference, ...rest } = source;
    return reduce({ ...(isObject(target) ? target : {}), ...rest }, root, [...seen, source.$ref]);
  }
  if (Array.isArray(source.allOf) && source.allOf.length === 1) {
    const { allOf, ...rest } = source;
    source = { ...(isObject(allOf[0]) ? allOf[0] : {}), ...rest };
  }
  const result: GeminiSchema = {};
  let type = source.type;
  if (Array.isArray(type)) {
    // `["string", "null"]` → `type: string, nullable: true`; several real types → anyOf.
    const types = type.filter((item): item is string => typeof item === 'string');
    const nonNull = types.filter((item) => item !== 'null');
    if (types.includes('null')) result.nullable = true;
    if (nonNull.length === 1) type = nonNull[0];
    else {
      type = undefined;
      if (nonNull.length > 1) {
        result.anyOf = nonNull.map((item) => reduce({ ...source, type: item }, root, seen));
      }
    }
  }
  if (source.const !== undefined && source.enum === undefined) {
    result.enum = [String(source.const)];
    if (type === undefined) type = 'string';
  }
  const union = source.anyOf ?? source.oneOf;
  if (Array.isArray(union)) {
    const variants = union.filter((item) => !(isObject(item) && item.type === 'null'));
    if (variants.length < union.length) result.nullable = true;
    if (variants.length === 1)
      return { ...reduce(variants[0], root, seen), ...result, ...describe(source) };
    result.anyOf = variants.map((item) => reduce(item, root, seen));
  }
  if (type !== undefined) result.type = type;
  for (const [key, value] of Object.entries(source)) {
    if (!kept.has(key) || key === 'type' || key === 'anyOf') continue;
    if (key === 'properties' && isObject(value)) {
      result.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, reduce(property, root, seen)]),
      );
    } else if (key === 'items') {
      result.items = reduce(Array.isArray(value) ? value[0] : value, root, seen);
    } else if (key === 'enum' && Array.isArray(value)) {
      // Gemini enums are strings.
      result.enum = value.filter((item) => item !== null).map(String);
    } else if (key === 'required' && Array.isArray(value)) {
      const properties = isObject(source.properties) ? source.properties : {};
      result.required = value.filter((name) => typeof name === 'string' && name in properties);
    } else {
      result[key] = value;
    }
  }
  if (typeof source.format === 'string' && keptFormats.has(source.format))
    result.format = source.format;
  if (result.enum !== undefined && result.type === undefined) result.type = 'string';
  return result;
}

const describe = (source: Record<string, unknown>) =>
  typeof source.description === 'string' ? { description: source.description } : {};

/**
 * Reduces a JSON Schema to what Gemini's function declarations accept: drops `$schema`,
 * `additionalProperties`, `default`, `examples`, unsupported `format`s and other unknown
 * keywords; inlines `$ref`/`$defs`; turns `const` into a one-value enum, `oneOf` into `anyOf`,
 * and `type: [T, "null"]` into `type: T, nullable: true`.
 */
export function toGeminiSchema(schema: JSONSchema): GeminiSchema {
  return reduce(schema, schema, []);
}
