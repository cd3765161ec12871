import { networkInterfaces } from 'node:os';
import { HttpStatus } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BAD_URL_CODE } from '../../common/exception-to-problem.js';
import { PROBLEM_CONTENT_TYPE, problemDetails } from '../../common/problem-details.js';
import { writeJson } from '../../common/write-json.js';
import type { AppConfig } from '../../config/index.js';
import { requestIdOf } from '../logging/request-log.js';
import { BODY_LIMIT_BYTES } from './body-parsing.js';
import { answerUnreadableRequest } from './client-errors.js';
import { setSecurityHeaders } from './security-headers.js';

/** find-my-way refuses longer path parameters with a 414; ids and slugs are checked by the routes. */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * Express's `trust proxy` with a hop count: the address `hops` proxies back along X-Forwarded-For
 * is the client's. (Fastify's own number option now trusts no hop at all.)
 */
const trustedHops = (hops: number) => (hops > 0 ? (_address: string, hop: number) => hop < hops : false);

/**
 * What the router refuses before any hook runs: a path that is not valid percent-encoded UTF-8 is a
 * 400 naming `path`, as Express's was, with the headers every other answer has.
 */
function answerRouterError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeaders(request.raw, reply.raw);
  void reply.header('X-Request-Id', request.id);
  const status = error.statusCode ?? HttpStatus.INTERNAL_SERVER_ERROR;
  if (status >= HttpStatus.INTERNAL_SERVER_ERROR) {
    const problem = problemDetails(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.');
    return writeJson(reply, problem.status, problem, PROBLEM_CONTENT_TYPE);
  }
  const part = error.code === BAD_URL_CODE ? 'path' : 'request';
  const problem = problemDetails(status, error.message, [{ field: part, message: error.message }]);
  writeJson(reply, status, problem, PROBLEM_CONTENT_TYPE);
}

/**
 * The HTTP server: Fastify, set up to answer as the Express stack did (docs/adr/0013): routes
 * match case-insensitively and with or without a trailing slash, bodies up to 100 KiB, the client
 * address from X-Forwarded-For past TRUST_PROXY_HOPS proxies. Fastify's own logger stays off:
 * RequestLog writes one line per request, and nestjs-pino the rest.
 */
export function createHttpAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    // No Nest middleware is used, so Fastify's Express-compat layer (middie) is never loaded.
    skipMiddie: true,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: trustedHops(config.trustProxyHops),
    genReqId: requestIdOf,
    requestIdHeader: false,
    clientErrorHandler: answerUnreadableRequest,
    frameworkErrors: answerRouterError,
    // Requests that arrive while closing are still answered (HttpDrain closes their connections).
    return503OnClosing: false,
    // A JSON `__proto__` key reaches the validation pipe as it did (it drops it); a form's is dropped, as qs did.
    onProtoPoisoning: 'remove',
    routerOptions: {
      caseSensitive: false,
      ignoreTrailingSlash: true,
      maxParamLength: MAX_PARAM_LENGTH,
    },
  });
}

/**
 * Every interface, as Node's `listen(port)` binds (Fastify would take `localhost` alone): `::`
 * (which takes IPv4 too) where the machine has IPv6, else `0.0.0.0`.
 */
export function anyAddress(): string {
  const hasIpv6 = Object.values(networkInterfaces()).some((addresses) =>
    (addresses ?? []).some((address) => address.family === 'IPv6'),
  );
  return hasIpv6 ? '::' : '0.0.0.0';
}
