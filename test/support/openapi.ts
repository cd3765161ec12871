import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { OPENAPI_UI_PATH } from '../../src/platform/openapi/openapi.js';

/** The parts of an OpenAPI 3 document the tests read: operations, their parameters and bodies. */
export interface Schema {
  readonly $ref?: string;
  readonly type?: string;
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly maxItems?: number;
  readonly example?: unknown;
  readonly default?: unknown;
  readonly nullable?: boolean;
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
}

interface RawParameter {
  readonly name: string;
  readonly in: string;
  readonly required?: boolean;
  readonly schema?: Schema;
}

interface RawOperation {
  readonly operationId?: string;
  readonly parameters?: readonly RawParameter[];
  readonly requestBody?: { readonly content: Readonly<Record<string, { readonly schema?: Schema }>> };
  readonly security?: readonly unknown[];
}

export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, RawOperation>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, Schema>> };
}

export type ParameterLocation = 'path' | 'query' | 'header';

export interface Parameter {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: Schema;
}

export interface Operation {
  /** operationId, or "METHOD path" when the document has none. */
  readonly id: string;
  readonly method: string;
  /** The path template, e.g. /api/v1/comments/{id}. */
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: { readonly contentType: string; readonly schema: Schema } | null;
  /** The document says the operation takes a bearer token. */
  readonly secured: boolean;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace']);
const MAX_REF_DEPTH = 20;

/** The schema with every $ref replaced by what it points at (recursively, bounded for cyclic documents). */
export function resolveSchema(document: OpenApiDocument, schema: Schema, depth = 0): Schema {
  if (depth > MAX_REF_DEPTH) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components?.schemas?.[name];
    if (!target) throw new Error(`the OpenAPI document has no schema ${schema.$ref}`);
    return resolveSchema(document, target, depth + 1);
  }
  const properties = schema.properties
    ? Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [
          key,
          resolveSchema(document, value, depth + 1),
        ]),
      )
    : undefined;
  const items = schema.items ? resolveSchema(document, schema.items, depth + 1) : undefined;
  return { ...schema, ...(properties ? { properties } : {}), ...(items ? { items } : {}) };
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, raw]) => {
        const [contentType, media] = Object.entries(raw.requestBody?.content ?? {})[0] ?? [];
        return {
          id: raw.operationId ?? `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          parameters: (raw.parameters ?? [])
            .filter((parameter) => ['path', 'query', 'header'].includes(parameter.in))
            .map((parameter) => ({
              name: parameter.name,
              in: parameter.in as ParameterLocation,
              required: parameter.required ?? parameter.in === 'path',
              schema: resolveSchema(document, parameter.schema ?? { type: 'string' }),
            })),
          body:
            contentType && media
              ? { contentType, schema: resolveSchema(document, media.schema ?? { type: 'object' }) }
              : null,
          secured: (raw.security ?? []).length > 0,
        };
      }),
  );
}

/** The document the application serves, as a client would fetch it. */
export async function openApiDocument(app: INestApplication): Promise<OpenApiDocument> {
  return (await request(app.getHttpServer()).get(`/${OPENAPI_UI_PATH}-json`).expect(200))
    .body as OpenApiDocument;
}
