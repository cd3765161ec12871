import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

type OperationDecorator = MethodDecorator & ClassDecorator;

/** A refusal (a problem+json answer) an operation can give, as the API document states it. */
export const ApiProblem = (status: number, description: string): OperationDecorator =>
  ApiResponse({ status, description });

/** Several refusals at once, in the order given. */
export const ApiProblems = (...problems: readonly OperationDecorator[]): OperationDecorator =>
  applyDecorators(...problems);

// Refusals many operations share, worded once.

/** Any route that needs a member. */
export const SIGNED_IN = ApiProblem(401, 'No token, or an invalid one');
/** A public route: reading without a token is fine, but a token that is sent must be valid. */
export const VALID_TOKEN = ApiProblem(401, 'A token was sent, but it is invalid or expired');
/** Writes by a suspended member. */
export const SUSPENDED = ApiProblem(403, 'The member is suspended');
/** What refuses a member's write before its own rules: no valid token, or a suspension. */
export const MEMBER_WRITE = ApiProblems(SIGNED_IN, SUSPENDED);
/** Routes for admins. */
export const ADMINS_ONLY = ApiProblems(SIGNED_IN, ApiProblem(403, 'Not an admin'));

export const BAD_PAGE = ApiProblem(400, 'A bad limit or cursor, named');
export const BAD_FIELD = ApiProblem(400, 'A bad or unknown field, named');
export const NO_FILM = ApiProblem(404, 'No film has that id or slug');
export const NO_MEMBER = ApiProblem(404, 'No member has that username');
