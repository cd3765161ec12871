/** The earliest watch date accepted: the first films are from the 1870s. */
export const FIRST_WATCH_DATE = '1870-01-01';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The furthest time zone is UTC+14: a date that is today anywhere on Earth is not in the future. */
const EARLIEST_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

/** The last calendar date that is not in the future for somebody, somewhere. */
export const latestWatchDate = (now: Date): string =>
  new Date(now.getTime() + EARLIEST_ZONE_OFFSET_MS).toISOString().slice(0, 10);

/** A real calendar date as YYYY-MM-DD, from 1870-01-01 up to today. */
export function isWatchDate(value: unknown, now: Date = new Date()): value is string {
  if (typeof value !== 'string' || !DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  // Date rolls 2023-02-30 over into March; a real date survives the round trip.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) return false;
  return value >= FIRST_WATCH_DATE && value <= latestWatchDate(now);
}

export const WATCH_DATE_MESSAGE = `watchedOn must be a real date (YYYY-MM-DD) from ${FIRST_WATCH_DATE} to today`;
