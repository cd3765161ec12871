import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { API_PREFIX, FILE_PATHS, OPERATIONS_PATHS } from '../http/init-http-app.js';
import { createOpenApiDocument } from './openapi.js';

/**
 * The document the api serves at /api/docs-json, built from the application's root module
 * (AppModule.forRoot(config)) without PostgreSQL, Redis or a port: Nest's preview mode reads the
 * modules and controllers but creates no provider. Only the global prefix is set as initHttpApp
 * sets it (the page routes it also leaves out are not in the document);
 * test/openapi-document.e2e-spec.ts checks this equals the served document.
 */
export async function buildOpenApiDocumentOffline(rootModule: DynamicModule): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    app.setGlobalPrefix(API_PREFIX, { exclude: [...OPERATIONS_PATHS, ...FILE_PATHS] });
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
