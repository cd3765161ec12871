import type { INestApplication } from '@nestjs/common';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type PathItemObject,
} from '@nestjs/swagger';
import { PUBLIC_OPERATION_EXTENSION, REQUIRED_ROLE_EXTENSION } from '../../common/auth/auth.decorators.js';

export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_DOCUMENT_PATH = `${OPENAPI_UI_PATH}-json`;

const BEARER_SCHEME = 'bearer';
const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The document's own parts: everything else comes from the controllers' decorators. */
function documentConfig(): Omit<OpenAPIObject, 'paths'> {
  const config = new DocumentBuilder()
    .setTitle('Filmlog API')
    .setDescription('Log the films you have seen, follow friends, comment and keep lists.')
    .setVersion('1')
    // Relative, so the document is right on whatever host serves it (the paths carry /api/v1).
    .addServer('/', 'The server that serves this document')
    .addBearerAuth(undefined, BEARER_SCHEME)
    .build();
  // package.json is private with no licence field and there is no LICENSE file: no rights are
  // granted, which npm spells UNLICENSED. (DocumentBuilder's setLicense insists on a URL.)
  return { ...config, info: { ...config.info, license: { name: 'UNLICENSED' } } };
}

/**
 * Every operation's `security` from the marks @Public() and @RequireRole() leave, by AuthGuard's
 * rule: without a token only on a public route that asks no role (`security: []`), otherwise a
 * bearer token. The marks are then removed: they are not part of the API.
 */
function withSecurity(document: OpenAPIObject): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]): [string, PathItemObject] => {
      const operations = OPERATION_METHODS.flatMap((method) => {
        const operation = item[method];
        return operation ? [[method, secured(operation)] as const] : [];
      });
      return [path, { ...item, ...Object.fromEntries(operations) }];
    }),
  );
  return { ...document, paths };
}

function secured(operation: OperationObject): OperationObject {
  const {
    [PUBLIC_OPERATION_EXTENSION]: isPublic,
    [REQUIRED_ROLE_EXTENSION]: requiredRole,
    ...rest
  } = operation as OperationObject & Record<string, unknown>;
  const anonymous = isPublic === true && requiredRole === undefined;
  return { ...rest, security: anonymous ? [] : [{ [BEARER_SCHEME]: [] }] };
}

/** The document the api serves at /api/docs-json, from an app whose routes have their global prefix. */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  return withSecurity(SwaggerModule.createDocument(app, documentConfig()));
}

/** Serves the UI at /api/docs and the document at /api/docs-json. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, createOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_DOCUMENT_PATH,
  });
}
