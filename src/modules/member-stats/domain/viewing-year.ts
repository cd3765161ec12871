import { FIRST_WATCH_DATE, latestWatchDate } from '../../film-log/domain/watched-date.js';

export const FIRST_VIEWING_YEAR = Number(FIRST_WATCH_DATE.slice(0, 4));

/**
 * A year a member can have seen films in: the years of the viewing dates the film log accepts,
 * from 1870 to this year (next year already, where it has begun somewhere on Earth).
 */
export function isViewingYear(value: unknown, now: Date = new Date()): value is number {
  const latest = Number(latestWatchDate(now).slice(0, 4));
  return Number.isInteger(value) && (value as number) >= FIRST_VIEWING_YEAR && (value as number) <= latest;
}

export const VIEWING_YEAR_MESSAGE = `year must be a whole number from ${FIRST_VIEWING_YEAR} to this year`;
