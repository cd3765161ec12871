/** One viewing in a member's diary: the day they saw the film, whether again, and their stars. */
export interface Viewing {
  /** The entry's id (a UUID), the same in the stream, the read models and `/diary/{id}`. */
  readonly entry: string;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  /** 0.5 to 5 in half stars; null when the entry gives none. */
  readonly rating: number | null;
}

/** The earliest of the dates given (YYYY-MM-DD sorts as text); null when none is. */
export function earliestDate(dates: Iterable<string | null>): string | null {
  let earliest: string | null = null;
  for (const date of dates) {
    if (date !== null && (earliest === null || date < earliest)) earliest = date;
  }
  return earliest;
}
