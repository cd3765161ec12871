import { registerDecorator, type ValidationOptions } from 'class-validator';

export const FIRST_FILM_YEAR = 1870;
/** Announced films may carry a year some way ahead. */
export const YEARS_AHEAD = 10;

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

export const isFilmYear = (value: unknown): boolean =>
  Number.isInteger(value) &&
  (value as number) >= FIRST_FILM_YEAR &&
  (value as number) <= new Date().getUTCFullYear() + YEARS_AHEAD;

export const FILM_YEAR_MESSAGE = (field: string): string =>
  `${field} must be a whole number from ${FIRST_FILM_YEAR} to ${YEARS_AHEAD} years after this one`;
