import fastifyCookie from '@fastify/cookie';
import { HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { servesHttpApi, type AppConfig } from '../../config/index.js';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';
import { ProblemDetailsFilter, type UnmatchedRouteHandler } from '../../common/problem-details.filter.js';
import { createValidationPipe } from '../../common/validation.js';
import { writeJson } from '../../common/write-json.js';
import { RequestLog } from '../logging/request-log.js';
import { HttpMetrics } from '../metrics/http-metrics.js';
import {
  BODY_LIMIT_BYTES,
  IMAGE_BODY_LIMIT_BYTES,
  IMAGE_CONTENT_TYPES,
  inflateRequestBody,
  keepImageBody,
  leaveBodyUnread,
  parseJsonBody,
} from './body-parsing.js';
import { HttpDrain } from './http-drain.js';
import { setupOpenApi } from '../openapi/openapi.js';
import { setSecurityHeaders } from './security-headers.js';
import { HTTP_PAGES, type HttpPages, type StaticAsset } from './http-pages.js';

export const API_PREFIX = 'api/v1';
/** Operations endpoints live outside the API prefix (API.md "Operations"). */
export const OPERATIONS_PATHS = ['health', 'health/ready', 'metrics'];
/** Kept files (posters) are served at the root: their URLs are short and outlive API versions. */
export const FILE_PATHS = ['images/{*key}'];

/**
 * Answers every path no route serves: a page for a browser, else a 404 problem naming the path
 * (with its query under the API prefix, as Nest's own 404 there did).
 */
const unknownRoute =
  (pages: HttpPages | null): UnmatchedRouteHandler =>
  (request, reply) => {
    const url = request.url;
    const path = url.split('?')[0] ?? '/';
    if (pages && wantsPage(request, path)) return pages.sendNotFound(reply);
    const named = path.startsWith(`/${API_PREFIX}/`) ? url : path;
    const problem = problemDetails(HttpStatus.NOT_FOUND, `Cannot ${request.method} ${named}`);
    writeJson(reply, HttpStatus.NOT_FOUND, problem, PROBLEM_CONTENT_TYPE);
  };

/** A browser asking for a page (not the API, not an operations endpoint) gets an HTML 404. */
const wantsPage = (request: FastifyRequest, path: string): boolean =>
  !path.startsWith(`/${API_PREFIX}/`) &&
  (request.method === 'GET' || request.method === 'HEAD') &&
  (request.headers.accept ?? '').includes('text/html');

const serveAsset =
  (asset: StaticAsset) =>
  (_request: FastifyRequest, reply: FastifyReply): void => {
    void reply
      .header('Content-Type', asset.type)
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  };

/**
 * Everything HTTP-wide, then init. main.ts and the e2e tests both go through here (on the adapter
 * from createHttpAdapter), so the tests exercise the same stack that serves. Per-request work is
 * Fastify hooks: one `onRequest` (security headers, request id), body inflation, the drain, then
 * one `onResponse` for the metrics and the log line.
 */
export async function initHttpApp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const pages = servesHttpApi(config) ? app.get<symbol, HttpPages>(HTTP_PAGES, { strict: false }) : null;
  const fastify = app.getHttpAdapter().getInstance();
  const requestLog = app.get(RequestLog);
  const metrics = app.get(HttpMetrics);
  app.useLogger(app.get(Logger));
  // Cookies are read by the pages only, on demand (requestCookies), not parsed for every API call.
  await app.register(fastifyCookie, { hook: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    setSecurityHeaders(request.raw, reply.raw);
    requestLog.tag(request, reply);
    done();
  });
  fastify.addHook('preParsing', inflateRequestBody);
  fastify.addHook('onSend', app.get(HttpDrain).onSend);
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observe(request, reply);
    requestLog.write(request, reply);
    done();
  });
  // JSON as body-parser read it, forms by Nest's parser; any other body is left unread.
  fastify.removeAllContentTypeParsers();
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, parseJsonBody);
  fastify.addContentTypeParser(
    [...IMAGE_CONTENT_TYPES],
    { parseAs: 'buffer', bodyLimit: IMAGE_BODY_LIMIT_BYTES },
    keepImageBody,
  );
  fastify.addContentTypeParser('*', leaveBodyUnread);
  for (const asset of pages?.assets ?? []) fastify.get(asset.url, serveAsset(asset));
  // The web pages live at the root; the API under its prefix.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [...OPERATIONS_PATHS, ...FILE_PATHS, ...(pages?.routesOutsideApiPrefix ?? [])],
  });
  app.useGlobalFilters(new ProblemDetailsFilter(unknownRoute(pages)));
  app.useGlobalPipes(createValidationPipe());
  if (servesHttpApi(config)) setupOpenApi(app);
  await app.init();
  await fastify.ready();
}
