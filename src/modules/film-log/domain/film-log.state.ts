import type { Viewing } from './diary.js';

export interface FilmLogState {
  readonly checked: boolean;
  /** When the current check happened (ISO 8601); null when unchecked. */
  readonly checkedAt: string | null;
  readonly watchedOn: string | null;
  readonly favourite: boolean;
  readonly disliked: boolean;
  readonly watchlisted: boolean;
  /** The member's latest rating, 0.5 to 5; null when unrated. A rated film is checked. */
  readonly rating: number | null;
  /** Diary entries for the film. */
  readonly viewings: number;
}

/**
 * What the stream knows beyond the marks: the check's own date (the film's `watchedOn` is the
 * earliest of it and the diary's dates) and the diary itself. Read models keep the marks only,
 * so `evolve` never derives a mark from these: every change of a mark is an event of its own.
 */
export interface FilmLogStreamState extends FilmLogState {
  readonly checkDate: string | null;
  readonly diary: readonly Viewing[];
}

/** The member's marks as the API shows them, without what only the stream needs. */
export const publicState = (state: FilmLogState): FilmLogState => ({
  checked: state.checked,
  checkedAt: state.checkedAt,
  watchedOn: state.watchedOn,
  favourite: state.favourite,
  disliked: state.disliked,
  watchlisted: state.watchlisted,
  rating: state.rating,
  viewings: state.viewings,
});
