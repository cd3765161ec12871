import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../../app.module.js';
import { parseConfig } from '../../config/index.js';
import { API_PREFIX, OPERATIONS_PATHS } from '../http/init-http-app.js';
import { createOpenApiDocument } from './openapi.js';

/**
 * The document the api serves at /api/docs-json, built without PostgreSQL, Redis or a port: Nest's
 * preview mode reads the modules and controllers but creates no provider. Only the global prefix
 * is set as initHttpApp sets it (the page routes it also leaves out are not in the document); the
 * e2e spec test/openapi-document.e2e-spec.ts checks this equals the served document.
 */
export async function buildOpenApiDocumentOffline(): Promise<OpenAPIObject> {
  // The defaults, not this process's environment: the document must not depend on where it is built.
  const config = parseConfig({});
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    preview: true,
    logger: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX, { exclude: [...OPERATIONS_PATHS] });
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
