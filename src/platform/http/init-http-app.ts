import { HttpStatus } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { servesHttpApi, type AppConfig } from '../../config/index.js';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';
import { ProblemDetailsFilter } from '../../common/problem-details.filter.js';
import { createValidationPipe } from '../../common/validation.js';
import { writeJson } from '../../common/write-json.js';
import { HttpMetrics } from '../metrics/http-metrics.js';
import { answerUnreadableRequests } from './client-errors.js';
import { HttpDrain } from './http-drain.js';
import { setupOpenApi } from '../openapi/openapi.js';
import { HTTP_PAGES, type HttpPages } from './http-pages.js';

export const API_PREFIX = 'api/v1';
/** Operations endpoints live outside the API prefix (API.md "Operations"). */
export const OPERATIONS_PATHS = ['health', 'health/ready', 'metrics'];

/** Nest answers unknown paths under the prefix itself; this answers every other unknown path the same way. */
const unknownRoute =
  (pages: HttpPages | null) =>
  (request: Request, response: Response): void => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (pages && wantsPage(request, path)) return pages.sendNotFound(response);
    const problem = problemDetails(HttpStatus.NOT_FOUND, `Cannot ${request.method ?? 'GET'} ${path}`);
    writeJson(response, HttpStatus.NOT_FOUND, problem, PROBLEM_CONTENT_TYPE);
  };

/** A browser asking for a page (not the API, not an operations endpoint) gets an HTML 404. */
const wantsPage = (request: Request, path: string): boolean =>
  !path.startsWith(`/${API_PREFIX}/`) &&
  (request.method === 'GET' || request.method === 'HEAD') &&
  (request.headers.accept ?? '').includes('text/html');

/**
 * Everything HTTP-wide, then init. main.ts and the e2e tests both go through here, so the
 * tests exercise the same stack that serves.
 */
export async function initHttpApp(app: NestExpressApplication, config: AppConfig): Promise<void> {
  const pages = servesHttpApi(config) ? app.get<symbol, HttpPages>(HTTP_PAGES, { strict: false }) : null;
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  answerUnreadableRequests(app.getHttpServer());
  // The client address keys the sign-in rate limit; behind a proxy it comes from X-Forwarded-For.
  app.set('trust proxy', config.trustProxyHops);
  // upgrade-insecure-requests would make browsers fetch the docs' assets over https from a plain-http server.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.use(app.get(HttpDrain).middleware);
  app.use(app.get(HttpMetrics).middleware);
  app.use(cookieParser());
  if (pages) app.use(pages.assets);
  // The web pages live at the root; the API under its prefix.
  app.setGlobalPrefix(API_PREFIX, {
    exclude: [...OPERATIONS_PATHS, ...(pages?.routesOutsideApiPrefix ?? [])],
  });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  if (servesHttpApi(config)) setupOpenApi(app);
  await app.init();
  app.use(unknownRoute(pages));
}
