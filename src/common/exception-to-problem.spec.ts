import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { DomainRuleViolation } from '#decider';
import { EventStoreUnavailableError, WrongExpectedVersionError } from '#event-store';
import { exceptionToProblem, isDependencyUnavailable } from './exception-to-problem.js';
import { InvalidInputException } from './invalid-input.exception.js';

describe('exceptionToProblem', () => {
  it('names every bad field of invalid input', () => {
    const { problem, kind } = exceptionToProblem(
      new InvalidInputException([
        { field: 'title', message: 'title must be a string' },
        { field: 'items.0.rank', message: 'rank must be a positive number' },
      ]),
    );

    expect(kind).toBe('client');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid input: title, items.0.rank',
      errors: [
        { field: 'title', message: 'title must be a string' },
        { field: 'items.0.rank', message: 'rank must be a positive number' },
      ],
    });
  });

  it('keeps the status and message of an HttpException', () => {
    expect(exceptionToProblem(new NotFoundException('No film abc')).problem).toMatchObject({
      status: 404,
      title: 'Not Found',
      detail: 'No film abc',
    });
    expect(exceptionToProblem(new ForbiddenException()).problem.status).toBe(403);
  });

  it('answers a payload-too-large HttpException with 413', () => {
    expect(exceptionToProblem(new HttpException('request entity too large', 413)).problem).toMatchObject({
      status: 413,
      title: 'Payload Too Large',
    });
  });

  it('names the part of the request the HTTP layer could not read in its 400s', () => {
    const parsed = (cause: Error) =>
      exceptionToProblem(new BadRequestException(cause.message, { cause })).problem.errors;
    const multer = Object.assign(new Error('Unexpected field'), {
      code: 'LIMIT_UNEXPECTED_FILE',
      field: 'upload',
    });

    expect(parsed(new SyntaxError('Unexpected end of JSON input'))).toEqual([
      { field: 'body', message: 'Unexpected end of JSON input' },
    ]);
    expect(parsed(new URIError("Failed to decode param '%E0%A4%A'"))).toEqual([
      { field: 'path', message: "Failed to decode param '%E0%A4%A'" },
    ]);
    expect(parsed(multer)).toEqual([{ field: 'upload', message: 'Unexpected field' }]);
    expect(exceptionToProblem(new BadRequestException('ours')).problem.errors).toBeUndefined();
  });

  it('answers a refusal by a domain rule with 422 and the rule code', () => {
    const { problem, kind } = exceptionToProblem(
      new DomainRuleViolation('cannot-follow-yourself', 'You cannot follow yourself.'),
    );

    expect(kind).toBe('client');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Unprocessable Entity',
      status: 422,
      detail: 'You cannot follow yourself.',
      code: 'cannot-follow-yourself',
    });
  });

  it('turns a concurrency conflict into 409', () => {
    const { problem, kind } = exceptionToProblem(new WrongExpectedVersionError('filmlog-u.f', 3n, 4n));

    expect(problem.status).toBe(409);
    expect(kind).toBe('client');
  });

  it('turns an unreachable event store or database into 503', () => {
    expect(exceptionToProblem(new EventStoreUnavailableError('down')).problem.status).toBe(503);
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(exceptionToProblem(refused)).toMatchObject({ problem: { status: 503 }, kind: 'dependency' });
  });

  it('hides what went wrong in an unexpected error', () => {
    const { problem, kind } = exceptionToProblem(
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    );

    expect(kind).toBe('server');
    expect(problem).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
    expect(
      JSON.stringify(exceptionToProblem(new InternalServerErrorException('secret path /etc')).problem),
    ).not.toContain('/etc');
  });
});

describe('isDependencyUnavailable', () => {
  it('finds a connection failure wrapped in a cause or a driver error', () => {
    const pgDown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const typeormError = Object.assign(new Error('query failed'), { driverError: pgDown });

    expect(isDependencyUnavailable(typeormError)).toBe(true);
    expect(
      isDependencyUnavailable(new Error('outer', { cause: new Error('Connection terminated unexpectedly') })),
    ).toBe(true);
  });

  it('does not mistake a bad query for an outage', () => {
    const syntaxError = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });

    expect(isDependencyUnavailable(syntaxError)).toBe(false);
    expect(isDependencyUnavailable('a string')).toBe(false);
  });
});
