import { IMDB_ID } from '../../catalog/films/film-matcher.js';

/** A field that cannot be used: the row becomes a rowError with this reason. */
export class RowProblem extends Error {
  override readonly name = 'RowProblem';
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR = /^\d{4}$/;
const IMDB_URL_ID = /(?:^|\/)(tt\d{7,})(?:\/|\?|$)/;

/** A calendar date (YYYY-MM-DD) that exists. */
export function dateOf(column: string, value: string): string {
  const parts = DATE.exec(value);
  const date = parts === null ? null : new Date(`${value}T00:00:00.000Z`);
  if (date === null || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value)
    throw new RowProblem(`${column} "${value}" is not a date (YYYY-MM-DD)`);
  return value;
}

/** A day's events are stamped at noon UTC, so they stay on that day in every time zone near UTC. */
export const noonOf = (date: string): string => `${date}T12:00:00.000Z`;

/** A year, or null when the field is empty. */
export function yearOf(column: string, value: string): number | null {
  if (value === '') return null;
  if (!YEAR.test(value)) throw new RowProblem(`${column} "${value}" is not a year`);
  return Number(value);
}

/** A film's title; a row without one cannot be matched, so it is a problem. */
export function titleOf(column: string, value: string): string {
  if (value === '') throw new RowProblem(`${column} is empty`);
  return value;
}

/** An IMDb title id (tt and 7 or more digits). */
export function imdbIdOf(column: string, value: string): string {
  const id = value.toLowerCase();
  if (!IMDB_ID.test(id)) throw new RowProblem(`${column} "${value}" is not an IMDb title id`);
  return id;
}

/** The IMDb title id in an IMDb address (…/title/tt0111161/), or null when the field is empty. */
export function imdbIdInUrl(column: string, value: string): string | null {
  if (value === '') return null;
  const id = IMDB_URL_ID.exec(value.toLowerCase())?.[1];
  if (id === undefined) throw new RowProblem(`${column} "${value}" holds no IMDb title id`);
  return id;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$/;

/** A date with an optional time of day (read as UTC): the day, and the instant (noon when no time is given). */
export function dateTimeOf(column: string, value: string): { date: string; at: string } {
  const parts = DATE_TIME.exec(value);
  if (parts === null) throw new RowProblem(`${column} "${value}" is not a date (YYYY-MM-DD)`);
  const date = dateOf(column, parts[1]!);
  const [, , hours, minutes, seconds = '00'] = parts;
  if (hours === undefined) return { date, at: noonOf(date) };
  const at = new Date(`${date}T${hours}:${minutes}:${seconds}.000Z`);
  if (Number.isNaN(at.getTime()) || Number(hours) > 23)
    throw new RowProblem(`${column} "${value}" is not a time of day`);
  return { date, at: at.toISOString() };
}
