import type { Type } from '@nestjs/common';
import { exceptionToProblem } from '../../common/exception-to-problem.js';
import type { FieldError } from '../../common/problem-details.js';
import { createValidationPipe } from '../../common/validation.js';
import { CSRF_FIELD } from './web-csrf.js';

const pipe = createValidationPipe();

/** A form or query field's text; undefined when absent or not text (a repeated field is an array). */
export const fieldText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** A field's text unless empty: `?cursor=` as the queries take it (absent is the first page), an optional key. */
export const filledText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * A form's fields as the API's request DTO, validated by the same pipe and rules; throws the
 * same InvalidInputException naming each bad field. Empty optional fields are absent.
 */
export async function formInput<T extends object>(
  dto: Type<T>,
  body: Record<string, unknown> | undefined,
  { dropEmpty = [] as readonly string[] } = {},
): Promise<T> {
  const fields = Object.fromEntries(
    Object.entries(body ?? {}).filter(
      ([name, value]) => name !== CSRF_FIELD && !(dropEmpty.includes(name) && value === ''),
    ),
  );
  return (await pipe.transform(fields, { type: 'body', metatype: dto })) as T;
}

/** What a form shows after a refused submission: the message and each field's error. */
export interface FormFailure {
  readonly status: number;
  readonly message: string;
  readonly errors: readonly FieldError[];
}

/**
 * A client error (bad field, taken name, wrong password, rule refused, too many attempts) as
 * something to show beside the form; anything else is rethrown for the error page: a refusal
 * (403), a film, comment or member that is not there (404), a server error.
 */
export function formFailureOf(error: unknown): FormFailure {
  const { problem, kind } = exceptionToProblem(error);
  if (kind !== 'client' || problem.status === 403 || problem.status === 404) throw error;
  return { status: problem.status, message: problem.detail, errors: problem.errors ?? [] };
}
