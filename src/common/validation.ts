import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { registerDecorator, type ValidationOptions } from 'class-validator';
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

/** A class-validator decorator from a predicate, run at validation time (so "this year" is never stale). */
export function Satisfies(
  name: string,
  predicate: (value: unknown) => boolean,
  message: string,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate: predicate },
    });
}
