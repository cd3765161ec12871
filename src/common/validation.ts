import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidInputException } from './invalid-input.exception.js';
import type { FieldError } from './problem-details.js';

/** Nested errors become dotted paths (`items.0.rank`), so a client knows exactly which field to fix. */
export function fieldErrorsOf(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, message: Object.values(error.constraints).join('; ') }] : [];
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** Request DTOs: unknown fields are refused, values are turned into their declared types. */
export const createValidationPipe = (): ValidationPipe =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new InvalidInputException(fieldErrorsOf(errors)),
  });
