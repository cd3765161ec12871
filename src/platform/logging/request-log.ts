import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Fastify's `genReqId`: keeps a caller's (or a proxy's) request id when it is sane, so one id
 * follows a request across services; otherwise a new UUID.
 */
export const requestIdOf = (request: IncomingMessage): string => {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
};

const asIs = (value: unknown): unknown => value;

const isProbe = (url: string): boolean => url === '/metrics' || url.startsWith('/health');

/**
 * One log line per request, when it is answered: the request id, method, URL, status and time,
 * and nothing else (no headers or query to serialize). Probes are not logged.
 */
@Injectable()
export class RequestLog {
  private readonly logger: Logger;

  constructor(pino: PinoLogger) {
    // nestjs-pino's root logger carries pino-http's req/res serializers, made for Node's request and
    // response objects (they would read our plain objects' status as null): these are written as they are.
    this.logger = pino.logger.child({}, { serializers: { req: asIs, res: asIs } });
  }

  /** Every answer carries the request id, errors and unknown routes included (from an `onRequest` hook). */
  tag(request: FastifyRequest, reply: FastifyReply): void {
    void reply.header('X-Request-Id', request.id);
  }

  write(request: FastifyRequest, reply: FastifyReply): void {
    const url = request.url;
    if (isProbe(url)) return;
    const statusCode = reply.statusCode;
    const level = statusCode >= 500 ? 'error' : 'info';
    if (!this.logger.isLevelEnabled(level)) return;
    this.logger[level](
      {
        req: { id: request.id, method: request.method, url },
        res: { statusCode },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  }
}
