import { Catch, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { exceptionToProblem } from './exception-to-problem.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { writeJson } from './write-json.js';

/** Answers a request no route matched (Fastify's not-found handler reaches the filter as a 404). */
export type UnmatchedRouteHandler = (request: FastifyRequest, reply: FastifyReply) => void;

/** Every failure of every HTTP route (unknown routes and body-parser errors included) leaves as problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  /** `unmatched` answers the paths no route serves, e.g. with a page for a browser. */
  constructor(private readonly unmatched?: UnmatchedRouteHandler) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (this.unmatched && exception instanceof NotFoundException && request.is404) {
      this.unmatched(request, reply);
      return;
    }
    const { problem, kind } = exceptionToProblem(exception);
    if (kind === 'server') this.logger.error(exception);
    if (kind === 'dependency') this.logger.warn({ err: exception }, problem.detail);
    if (reply.sent || reply.raw.headersSent) {
      if (!reply.raw.writableEnded) reply.raw.end();
      return;
    }
    writeJson(reply, problem.status, problem, PROBLEM_CONTENT_TYPE);
  }
}
