import type { Schema } from '../../support/openapi.js';

export type ValueKind = 'string' | 'number' | 'boolean' | 'array' | 'object';

/** What a schema asks for; the generator writes some nullable scalars as `type: object` with string or number limits. */
export function kindOf(schema: Schema): ValueKind {
  if (schema.enum) return 'string';
  switch (schema.type) {
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      if (schema.properties) return 'object';
      if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
      return 'string';
    default:
      return 'string';
  }
}

const VALID_BY_FORMAT: Readonly<Record<string, unknown>> = {
  uuid: '4f6b0d7e-9c1a-4d2b-8e3f-5a6b7c8d9e0f',
  date: '2020-02-29',
  'date-time': '2031-01-01T00:00:00Z',
  uri: 'https://example.org/review',
  password: 'correct horse battery staple',
  email: 'fuzz@example.org',
  binary: 'Title,Year\nParis,2008\n',
};

/** A value the schema accepts: its example, its first enum value, or the least that satisfies its limits. */
export function validValue(schema: Schema): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.format && schema.format in VALID_BY_FORMAT) return VALID_BY_FORMAT[schema.format];
  switch (kindOf(schema)) {
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return validObject(schema);
    default:
      return 'a'.repeat(Math.max(schema.minLength ?? 0, 3));
  }
}

/** The required properties only: optional ones are what the mutations add. */
export function validObject(schema: Schema): Record<string, unknown> {
  return Object.fromEntries(
    (schema.required ?? []).map((name) => [name, validValue(schema.properties?.[name] ?? {})]),
  );
}

/** A property somewhere in a body: its path from the root (array items at index 0) and its schema. */
export interface FieldPath {
  readonly path: readonly (string | number)[];
  readonly schema: Schema;
}

const MAX_FIELD_DEPTH = 4;

/** Every property of an object schema, nested objects and array items included. */
export function fieldPathsOf(schema: Schema, prefix: readonly (string | number)[] = []): FieldPath[] {
  if (prefix.length >= MAX_FIELD_DEPTH) return [];
  if (kindOf(schema) === 'array' && schema.items && kindOf(schema.items) === 'object') {
    return fieldPathsOf(schema.items, [...prefix, 0]);
  }
  return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const path = [...prefix, name];
    const nested =
      kindOf(property) === 'object' || kindOf(property) === 'array' ? fieldPathsOf(property, path) : [];
    return [{ path, schema: property }, ...nested];
  });
}

/** The dotted name a 400 gives a nested field (`directors.0.name`). */
export const dottedName = (path: readonly (string | number)[]): string => path.join('.');

/** A copy of `root` with the value at `path` replaced (or removed when `value` is REMOVE), creating parents. */
export function withValueAt(
  root: Record<string, unknown>,
  path: readonly (string | number)[],
  value: unknown,
): Record<string, unknown> {
  const copy = structuredClone(root);
  let node: Record<string | number, unknown> = copy;
  path.slice(0, -1).forEach((key, index) => {
    const nextIsIndex = typeof path[index + 1] === 'number';
    if (typeof node[key] !== 'object' || node[key] === null) node[key] = nextIsIndex ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  const last = path.at(-1)!;
  if (value === REMOVE) delete node[last];
  else node[last] = value;
  return copy;
}

export const REMOVE = Symbol('remove');
