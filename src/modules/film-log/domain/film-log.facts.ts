import { earliestDate, type Viewing } from './diary.js';
import type { FilmLogEvent } from './film-log.events.js';
import type { FilmLogState, FilmLogStreamState } from './film-log.state.js';

// The facts each film-log decision is made of, shared by the marks, the ratings and the diary:
// every rule that moves the film's date or its rating is said here once.

/** When an imported mark happened (ISO 8601 instant): its events carry that time. */
export interface ImportedMark {
  readonly at: string;
}

export const event = <Type extends FilmLogEvent['type']>(
  type: Type,
  data: Extract<FilmLogEvent, { type: Type }>['data'],
): FilmLogEvent => ({ type, data }) as FilmLogEvent;

/** `checkDate` is written only where it is not the film's date, as events before the diary have it. */
const watchDate = (watchedOn: string | null, checkDate: string | null) =>
  checkDate === watchedOn ? { watchedOn } : { watchedOn, checkDate };

/** Checking a film takes it off the watchlist: it has been seen. */
export const check = (
  state: FilmLogState,
  watchedOn: string | null,
  checkDate: string | null = watchedOn,
): FilmLogEvent[] => [
  event('FilmChecked', watchDate(watchedOn, checkDate)),
  ...(state.watchlisted ? [event('FilmRemovedFromWatchlist', {})] : []),
];

/** The film's date after a change to the check's own date or to the diary. */
export const redate = (
  state: FilmLogStreamState,
  checkDate: string | null,
  diary: readonly Viewing[],
): FilmLogEvent[] => {
  const watchedOn = earliestDate([checkDate, ...diary.map((viewing) => viewing.watchedOn)]);
  return watchedOn === state.watchedOn && checkDate === state.checkDate
    ? []
    : [event('FilmWatchDateChanged', watchDate(watchedOn, checkDate))];
};

export const rate = (state: FilmLogState, rating: number | null): FilmLogEvent[] =>
  rating === null || rating === state.rating ? [] : [event('FilmRated', { rating, previous: state.rating })];

/** Favourite and dislike imply a check (without a date) and exclude each other. */
export const mark = (state: FilmLogState, mark: 'favourite' | 'dislike'): FilmLogEvent[] => {
  const already = mark === 'favourite' ? state.favourite : state.disliked;
  if (already) return [];
  const opposite = mark === 'favourite' ? state.disliked : state.favourite;
  return [
    ...(state.checked ? [] : check(state, null)),
    ...(opposite ? [event(mark === 'favourite' ? 'FilmUndisliked' : 'FilmUnfavourited', {})] : []),
    event(mark === 'favourite' ? 'FilmFavourited' : 'FilmDisliked', {}),
  ];
};
