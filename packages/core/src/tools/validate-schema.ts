import type { JSONSchema } from '../spec/index.js';

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const matchesType = (value: unknown, type: string): boolean => {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
};

/**
 * Validates a value against the JSON Schema subset tool definitions use (type, properties,
 * required, additionalProperties, items, enum, const, anyOf/oneOf, min/max, lengths).
 * Returns human-readable problems, empty when valid.
 */
export function validateAgainstSchema(value: unknown, schema: JSONSchema, path = '$'): string[] {
  const problems: string[] = [];
  const type = schema.type;
  if (typeof type === 'string' && !matchesType(value, type)) {
    return [`${path} should be ${type}, got ${typeOf(value)}`];
  }
  if (
    Array.isArray(type) &&
    !type.some((entry) => typeof entry === 'string' && matchesType(value, entry))
  ) {
    return [`${path} should be one of ${type.join(', ')}, got ${typeOf(value)}`];
  }
  if (
    Array.isArray(schema.enum) &&
    !schema.enum.some((entry) => JSON.stringify(entry) === JSON.stringify(value))
  ) {
    problems.push(`${path} should be one of ${JSON.stringify(schema.enum)}`);
  }
  if ('const' in schema && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    problems.push(`${path} should be ${JSON.stringify(schema.const)}`);
  }
  const alternatives = (schema.anyOf ?? schema.oneOf) as JSONSchema[] | undefined;
  if (
    Array.isArray(alternatives) &&
    !alternatives.some(
      (alternative) => validateAgainstSchema(value, alternative, path).length === 0,
    )
  ) {
    problems.push(`${path} matches none of the allowed schemas`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum)
      problems.push(`${path} should be >= ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum)
      problems.push(`${path} should be <= ${schema.maximum}`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength)
      problems.push(`${path} is shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength)
      problems.push(`${path} is longer than ${schema.maxLength}`);
  }
  if (Array.isArray(value) && typeof schema.items === 'object' && schema.items !== null) {
    value.forEach((item, index) => {
      problems.push(
        ...validateAgainstSchema(item, schema.items as JSONSchema, `${path}[${index}]`),
      );
    });
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, JSONSchema>;
    if (Array.isArray(schema.required)) {
      for (const key of schema.required) {
        if (typeof key === 'string' && !(key in record))
          problems.push(`${path}.${key} is required`);
      }
    }
    for (const [key, entry] of Object.entries(record)) {
      const propertySchema = properties[key];
      if (propertySchema !== undefined)
        problems.push(...validateAgainstSchema(entry, propertySchema, `${path}.${key}`));
      else if (schema.additionalProperties === false)
        problems.push(`${path}.${key} is not allowed`);
    }
  }
  return problems;
}
