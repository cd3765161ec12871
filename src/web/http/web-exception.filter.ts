import {
  Catch,
  HttpStatus,
  Injectable,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { h } from 'preact';
import { exceptionToProblem } from '../../common/exception-to-problem.js';
import { ErrorPage } from '../views/error-page.js';
import type { WebRequest } from './web-request.js';
import { WebRenderer } from './web-renderer.js';

/**
 * Errors of the pages as pages: a 401 sends the reader to sign in (and back), everything else is
 * the problem's status and detail in words, never a stack or a JSON body.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebPages');

  constructor(private readonly renderer: WebRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<WebRequest>();
    const response = http.getResponse<FastifyReply>();
    if (response.sent || response.raw.headersSent) return;
    const { problem, kind } = exceptionToProblem(exception);
    if (kind === 'server') this.logger.error(exception);
    if (problem.status === HttpStatus.UNAUTHORIZED) {
      const back = request.method === 'GET' ? request.originalUrl : refererPath(request);
      void response.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303);
      return;
    }
    const view = h(ErrorPage, { status: problem.status, detail: problem.detail, errors: problem.errors });
    this.renderer.send(response, this.renderer.of(request, response), view, problem.status);
  }
}

/** Where a refused form was posted from, when it is this site; else the home page. */
function refererPath(request: WebRequest): string {
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    return url.host === request.headers.host ? `${url.pathname}${url.search}` : '/';
  } catch {
    return '/';
  }
}
