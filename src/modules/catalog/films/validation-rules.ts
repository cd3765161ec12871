export const FIRST_FILM_YEAR = 1870;
/** Announced films may carry a year some way ahead. */
export const YEARS_AHEAD = 10;

export const isFilmYear = (value: unknown): boolean =>
  Number.isInteger(value) &&
  (value as number) >= FIRST_FILM_YEAR &&
  (value as number) <= new Date().getUTCFullYear() + YEARS_AHEAD;

export const FILM_YEAR_MESSAGE = (field: string): string =>
  `${field} must be a whole number from ${FIRST_FILM_YEAR} to ${YEARS_AHEAD} years after this one`;
