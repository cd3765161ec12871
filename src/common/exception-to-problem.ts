import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainRuleViolation } from '#decider';
import { DuplicateEventIdError, EventStoreUnavailableError, WrongExpectedVersionError } from '#event-store';
import { InvalidInputException } from './invalid-input.exception.js';
import { problemDetails, type ProblemDetails } from './problem-details.js';

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the server is not there", not "the query is wrong". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const MAX_CAUSE_DEPTH = 5;

/** Walks the cause chain (TypeORM's driverError, AggregateError members) looking for a connection failure. */
export function isDependencyUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > MAX_CAUSE_DEPTH) return false;
  if (error instanceof EventStoreUnavailableError) return true;
  const { code, cause, driverError, errors, message } = error as Record<string, unknown>;
  if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) return true;
  if (typeof message === 'string' && /^Connection terminated|^Connection is closed/.test(message))
    return true;
  const nested = [cause, driverError, ...(Array.isArray(errors) ? errors : [])];
  return nested.some((inner) => isDependencyUnavailable(inner, depth + 1));
}

const httpExceptionDetail = (exception: HttpException): string => {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
};

/** client: the caller's mistake; dependency: a server we need is down; server: our own fault (logged with its stack, never described). */
export type FailureKind = 'client' | 'dependency' | 'server';

export interface MappedProblem {
  readonly problem: ProblemDetails;
  readonly kind: FailureKind;
}

const UNAVAILABLE_DETAIL = 'A service this request depends on is unavailable; try again shortly.';

/** The single mapping from anything thrown to the problem+json answer (API.md "Errors"). */
export function exceptionToProblem(exception: unknown): MappedProblem {
  if (exception instanceof InvalidInputException) {
    return {
      problem: problemDetails(HttpStatus.BAD_REQUEST, exception.message, exception.fieldErrors),
      kind: 'client',
    };
  }
  if (exception instanceof HttpException) return httpExceptionToProblem(exception);
  if (exception instanceof DomainRuleViolation) {
    return {
      problem: {
        ...problemDetails(HttpStatus.UNPROCESSABLE_ENTITY, exception.message),
        code: exception.code,
      },
      kind: 'client',
    };
  }
  if (exception instanceof WrongExpectedVersionError || exception instanceof DuplicateEventIdError) {
    return {
      problem: problemDetails(HttpStatus.CONFLICT, 'The resource was changed by another request; try again.'),
      kind: 'client',
    };
  }
  if (isDependencyUnavailable(exception)) {
    return {
      problem: problemDetails(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_DETAIL),
      kind: 'dependency',
    };
  }
  return {
    problem: problemDetails(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred.'),
    kind: 'server',
  };
}

/** Fastify's router error for a path that is not valid percent-encoded UTF-8. */
export const BAD_URL_CODE = 'FST_ERR_BAD_URL';

/**
 * The part of the request a 400 raised before any handler could not read, from the error the
 * HTTP layer kept as the cause: the multipart field the upload parser names, `path` for a path
 * that is not valid percent-encoded UTF-8, else `body` (malformed JSON, a false content
 * encoding; multipart the parser cannot follow). Null for a 400 thrown by our own code.
 */
function unreadablePart(exception: HttpException): string | null {
  const cause = exception.cause;
  if (!(cause instanceof Error)) return null;
  const { field, code } = cause as { field?: unknown; code?: unknown };
  if (typeof field === 'string' && field.length > 0) return field;
  return cause instanceof URIError || code === BAD_URL_CODE ? 'path' : 'body';
}

function httpExceptionToProblem(exception: HttpException): MappedProblem {
  const status = exception.getStatus();
  if (status === HttpStatus.INTERNAL_SERVER_ERROR) {
    return { problem: problemDetails(status, 'An unexpected error occurred.'), kind: 'server' };
  }
  const kind = status >= 500 ? 'dependency' : 'client';
  const detail = httpExceptionDetail(exception);
  const part = status === HttpStatus.BAD_REQUEST ? unreadablePart(exception) : null;
  return {
    problem: problemDetails(status, detail, part ? [{ field: part, message: detail }] : undefined),
    kind,
  };
}
