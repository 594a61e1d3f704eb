import type { JsonSchema } from './types';

/**
 * A JSON Schema as an outline a person reads: each field with its type in words, whether it is
 * always there, its allowed values and description, and its own fields below it. The API docs
 * page (/data/api) renders it as nested lists; no client code, no schema viewer bundle.
 */

export interface OutlineNode {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
  values: string[] | null;
  children: OutlineNode[];
}

type Resolve = (ref: string) => JsonSchema | undefined;

const MAX_DEPTH = 6;

function asSchema(value: unknown): JsonSchema | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : null;
}

function deref(schema: JsonSchema, resolve: Resolve): JsonSchema {
  const ref = typeof schema.$ref === 'string' ? resolve(schema.$ref) : undefined;
  return ref ? { ...ref, ...schema, $ref: undefined } : schema;
}

/** The type of a schema in a few words: string | null, array of object, object (keys: …). */
export function typeName(input: JsonSchema, resolve: Resolve): string {
  const schema = deref(input, resolve);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants)) return [...new Set(variants.map((v) => typeName(v, resolve)))].join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : typeof schema.type === 'string' ? [schema.type] : [];
  const names = types.map((type) => {
    if (type === 'array') {
      const items = asSchema(schema.items);
      return items ? `array of ${typeName(items, resolve)}` : 'array';
    }
    if (type === 'object' && !asSchema(schema.properties) && asSchema(schema.additionalProperties)) {
      return `object of ${typeName(asSchema(schema.additionalProperties)!, resolve)}`;
    }
    return type;
  });
  return names.join(' | ') || 'any';
}

function valuesOf(schema: JsonSchema): string[] | null {
  const keys = asSchema(schema.propertyNames);
  const values = (schema.enum ?? keys?.enum ?? asSchema(schema.items)?.enum) as unknown[] | undefined;
  return Array.isArray(values) ? values.map((v) => String(v)) : null;
}

/** The fields of an object schema (through arrays, nullables and references). */
function fieldsOf(input: JsonSchema, resolve: Resolve, depth: number): OutlineNode[] {
  if (depth > MAX_DEPTH) return [];
  let schema = deref(input, resolve);
  const variants = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(variants)) {
    const object = variants.map((v) => deref(v, resolve)).find((v) => asSchema(v.properties) || asSchema(v.items) || asSchema(v.additionalProperties));
    if (!object) return [];
    schema = object;
  }
  const items = asSchema(schema.items);
  if (items) return fieldsOf(items, resolve, depth);
  const properties = asSchema(schema.properties);
  if (!properties) {
    const values = asSchema(schema.additionalProperties);
    return values ? fieldsOf(values, resolve, depth) : [];
  }
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, value]) => {
    const field = deref(asSchema(value) ?? {}, resolve);
    return {
      name,
      type: typeName(field, resolve),
      required: required.has(name),
      description: typeof field.description === 'string' ? field.description : null,
      values: valuesOf(field),
      children: fieldsOf(field, resolve, depth + 1),
    };
  });
}

export function schemaOutline(schema: JsonSchema, resolve: Resolve): OutlineNode[] {
  return fieldsOf(schema, resolve, 0);
}
