/**
 * The `Schema` fields Gemini's `functionDeclarations[].parameters` accepts (a subset of OpenAPI
 * 3.0). Anything else is rejected by the real API's proto parser with "Unknown name … Cannot
 * find field.", which is what catches an adapter that forwards raw JSON Schema.
 */
const schemaFields = new Set([
  'type',
  'format',
  'title',
  'description',
  'nullable',
  'enum',
  'maxItems',
  'minItems',
  'properties',
  'required',
  'minProperties',
  'maxProperties',
  'minLength',
  'maxLength',
  'pattern',
  'example',
  'anyOf',
  'propertyOrdering',
  'default',
  'items',
  'minimum',
  'maximum',
]);

const schemaTypes = new Set([
  'TYPE_UNSPECIFIED',
  'STRING',
  'NUMBER',
  'INTEGER',
  'BOOLEAN',
  'ARRAY',
  'OBJECT',
  'NULL',
]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The proto parser's message for a field it does not know. */
export const unknownField = (name: string, at: string) =>
  `Invalid JSON payload received. Unknown name "${name}" at '${at}': Cannot find field.`;

/** Returns the real API's error message for the first problem in a schema, or undefined. */
export function validateSchema(schema: unknown, at: string): string | undefined {
  if (!isObject(schema)) return `Invalid JSON payload received. Expected an object at '${at}'.`;
  for (const [key, value] of Object.entries(schema)) {
    if (!schemaFields.has(key)) return unknownField(key, at);
    if (key === 'type') {
      if (Array.isArray(value)) {
        return `Invalid JSON payload received. Unknown name "type" at '${at}': Proto field is not repeating, cannot start list.`;
      }
      if (typeof value !== 'string' || !schemaTypes.has(value.toUpperCase())) {
        return `Invalid JSON payload received. Invalid value at '${at}.type' (type.googleapis.com/google.ai.generativelanguage.v1beta.Type), ${JSON.stringify(value)}`;
      }
    }
    if (
      key === 'enum' &&
      (!Array.isArray(value) || value.some((item) => typeof item !== 'string'))
    ) {
      return `Invalid JSON payload received. Invalid value at '${at}.enum[0]' (TYPE_STRING), ${JSON.stringify(Array.isArray(value) ? value[0] : value)}`;
    }
    if (key === 'properties') {
      if (!isObject(value))
        return `Invalid JSON payload received. Expected an object at '${at}.properties'.`;
      let index = 0;
      for (const property of Object.values(value)) {
        const problem = validateSchema(property, `${at}.properties[${index}].value`);
        if (problem !== undefined) return problem;
        index++;
      }
    }
    if (key === 'items') {
      const problem = validateSchema(value, `${at}.items`);
      if (problem !== undefined) return problem;
    }
    if (key === 'anyOf') {
      if (!Array.isArray(value))
        return `Invalid JSON payload received. Expected a list at '${at}.any_of'.`;
      for (const [index, item] of value.entries()) {
        const problem = validateSchema(item, `${at}.any_of[${index}]`);
        if (problem !== undefined) return problem;
      }
    }
  }
  if (
    schema.type !== undefined &&
    String(schema.type).toUpperCase() === 'OBJECT' &&
    Array.isArray(schema.required)
  ) {
    const properties = isObject(schema.properties) ? schema.properties : {};
    for (const name of schema.required) {
      if (typeof name !== 'string' || !(name in properties)) {
        return `* GenerateContentRequest.${at.replaceAll('[', '.').replaceAll(']', '')}.required[0]: property is not defined\n`;
      }
    }
  }
  return undefined;
}
