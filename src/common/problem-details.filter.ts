import type { ServerResponse } from 'node:http';
import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { exceptionToProblem } from './exception-to-problem.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { writeJson } from './write-json.js';

/** Every failure of every HTTP route (unknown routes and body-parser errors included) leaves as problem+json. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<ServerResponse>();
    const { problem, kind } = exceptionToProblem(exception);
    if (kind === 'server') this.logger.error(exception);
    if (kind === 'dependency') this.logger.warn({ err: exception }, problem.detail);
    if (response.headersSent) {
      response.end();
      return;
    }
    writeJson(response, problem.status, problem, PROBLEM_CONTENT_TYPE);
  }
}
