import type { Operation, Parameter, Schema } from '../../support/openapi.js';
import { validObject, validValue, type ValueKind } from './schema-values.js';
import {
  fillPath,
  multipartBody,
  MULTIPART_BOUNDARY,
  queryString,
  type MultipartPart,
  type Segment,
} from './wire.js';

/** One request to send, and what it breaks. */
export interface RequestCase {
  /** The kind of damage, e.g. `body.wrongType`; the histogram and failure reports group by it. */
  readonly family: string;
  readonly method: string;
  /** Path and query, encoded. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  /** The field a 400 answer must name, when the case breaks exactly one. */
  readonly field?: string;
  /** Waits out a bounded timeout on purpose: worth sending with one identity only. */
  readonly slow?: boolean;
}

/** What the schema cannot say: things that exist, so the other damage gets past "not found" to validation. */
export interface Fixtures {
  /** A path parameter's value that names something that exists. */
  pathValue(operation: Operation, parameter: Parameter): string;
  /** A file a `format: binary` field accepts. */
  readonly file: { readonly fileName: string; readonly contentType: string; readonly content: Buffer };
}

type Query = readonly (readonly [string, Segment])[];

/** A request the operation accepts (bar authorisation and existence), which families then damage in one place. */
export class Draft {
  readonly pathValues: Readonly<Record<string, Segment>>;
  readonly query: Query;
  readonly jsonBody: Record<string, unknown> | null;
  readonly parts: readonly MultipartPart[] | null;

  constructor(
    readonly operation: Operation,
    fixtures: Fixtures,
  ) {
    const parameters = operation.parameters;
    this.pathValues = Object.fromEntries(
      parameters.filter((p) => p.in === 'path').map((p) => [p.name, fixtures.pathValue(operation, p)]),
    );
    this.query = parameters
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => [p.name, String(validValue(p.schema))] as const);
    const body = operation.body;
    this.jsonBody = body && isJson(body.contentType) ? validObject(body.schema) : null;
    this.parts = body && isMultipart(body.contentType) ? validParts(body.schema, fixtures.file) : null;
  }

  get bodySchema(): Schema | null {
    return this.operation.body?.schema ?? null;
  }

  parameters(location: Parameter['in']): readonly Parameter[] {
    return this.operation.parameters.filter((parameter) => parameter.in === location);
  }

  /** The draft with some parts replaced; everything not given stays valid. */
  with(
    family: string,
    changes: {
      readonly pathValues?: Readonly<Record<string, Segment>>;
      readonly query?: Query;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: { readonly contentType: string; readonly bytes: Buffer } | null;
      readonly field?: string;
    } = {},
  ): RequestCase {
    const path = fillPath(this.operation.path, { ...this.pathValues, ...changes.pathValues });
    const body = changes.body === undefined ? this.validBody() : changes.body;
    return {
      family,
      method: this.operation.method,
      path: path + queryString(changes.query ?? this.query),
      headers: { ...(body ? { 'content-type': body.contentType } : {}), ...changes.headers },
      ...(body ? { body: body.bytes } : {}),
      ...(changes.field !== undefined ? { field: changes.field } : {}),
    };
  }

  /** The JSON body as text, with `raw` put in verbatim where the placeholder value stands. */
  jsonWith(value: Record<string, unknown> | unknown, raw?: string): { contentType: string; bytes: Buffer } {
    const text = JSON.stringify(value);
    return {
      contentType: 'application/json',
      bytes: Buffer.from(raw ? text.replace(`"${RAW}"`, raw) : text),
    };
  }

  multipart(parts: readonly MultipartPart[]): { contentType: string; bytes: Buffer } {
    return {
      contentType: `multipart/form-data; boundary=${MULTIPART_BOUNDARY}`,
      bytes: multipartBody(parts),
    };
  }

  private validBody(): { contentType: string; bytes: Buffer } | null {
    if (this.jsonBody) return this.jsonWith(this.jsonBody);
    if (this.parts) return this.multipart(this.parts);
    return null;
  }
}

/** Stands in a JSON value for text JSON.stringify cannot write (Infinity tokens, 10,000-deep nesting). */
export const RAW = '__hostile_raw_value_7f3a__';

const isJson = (contentType: string): boolean => /json/i.test(contentType);
export const isMultipart = (contentType: string): boolean => /multipart\/form-data/i.test(contentType);

const isFilePart = (schema: Schema): boolean => schema.format === 'binary';

function validParts(schema: Schema, file: Fixtures['file']): MultipartPart[] {
  return (schema.required ?? []).map((name) => {
    const property = schema.properties?.[name] ?? {};
    return isFilePart(property) ? { name, ...file } : { name, content: String(validValue(property)) };
  });
}

/** Values of any JSON type but `kind`. */
export const wrongTypeFor = (kind: ValueKind, pool: readonly unknown[]): unknown[] =>
  pool.filter((value) => kindOfValue(value) !== kind);

function kindOfValue(value: unknown): ValueKind | 'null' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'number' || type === 'boolean' || type === 'string' ? type : 'object';
}

/** A stable 32-bit seed per operation, so adding an endpoint changes no other endpoint's requests. */
export const seedOf = (base: number, text: string): number =>
  [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16_777_619) >>> 0, base >>> 0) | 0;
