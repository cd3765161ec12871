import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainRuleViolation } from '#decider';
import { PROBLEM_CONTENT_TYPE, problemDetails, type FieldError } from '../../../common/problem-details.js';
import { writeJson } from '../../../common/write-json.js';

/**
 * Well-formed input the programme refuses (a film not selected, a start outside the edition):
 * a 422 that, unlike other domain rules, names the field to fix, since an admin form shows it there.
 */
export class ProgrammeRuleViolation extends DomainRuleViolation {
  override readonly name = 'ProgrammeRuleViolation';

  constructor(
    code: string,
    readonly field: string,
    message: string,
  ) {
    super(code, message);
  }

  get fieldErrors(): FieldError[] {
    return [{ field: this.field, message: this.message }];
  }
}

/** Answers a ProgrammeRuleViolation as the shared filter answers any 422, with `errors` added. */
@Catch(ProgrammeRuleViolation)
export class ProgrammeRuleFilter implements ExceptionFilter<ProgrammeRuleViolation> {
  catch(exception: ProgrammeRuleViolation, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    const problem = {
      ...problemDetails(HttpStatus.UNPROCESSABLE_ENTITY, exception.message, exception.fieldErrors),
      code: exception.code,
    };
    writeJson(response, problem.status, problem, PROBLEM_CONTENT_TYPE);
  }
}
