/**
 * The public contract of a member's film log: one stream per member and film
 * (`filmlog-{userId}.{filmId}`) and the facts it records. Other features read these, never the
 * decider.
 */

/** One stream per member and film: every tap of that member on that film, in order. */
export const filmLogStream = (userId: string, filmId: string): string => `filmlog-${userId}.${filmId}`;

export const FILM_LOG_STREAM_PREFIX = 'filmlog-';

/** The member and film a film-log stream belongs to. */
export function parseFilmLogStream(streamId: string): { userId: string; filmId: string } {
  const separator = streamId.indexOf('.', FILM_LOG_STREAM_PREFIX.length);
  if (!streamId.startsWith(FILM_LOG_STREAM_PREFIX) || separator < 0) {
    throw new RangeError(`Not a film-log stream: ${streamId}`);
  }
  return {
    userId: streamId.slice(FILM_LOG_STREAM_PREFIX.length, separator),
    filmId: streamId.slice(separator + 1),
  };
}

type NoData = Record<string, never>;

/** `occurredAt`: when it happened; set by the runner, or by `decide` for imported facts. */
type Fact<Type extends string, Data> = {
  readonly type: Type;
  readonly data: Data;
  readonly occurredAt?: string;
};

/**
 * `watchedOn`: the film's date, the earliest of the check's own date and its diary's dates.
 * `checkDate`: the check's own date, present only where it differs from `watchedOn` (an earlier
 * diary entry, or a check a diary entry made); absent, it is `watchedOn`, as in every event from
 * before the diary.
 */
type WatchDate = { readonly watchedOn: string | null; readonly checkDate?: string | null };

/** A diary entry as written: its id, day, rewatch flag and the stars it gives (or null). */
type ViewingData = {
  readonly entry: string;
  readonly watchedOn: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
};

export type FilmLogEvent =
  | Fact<'FilmChecked', WatchDate>
  | Fact<'FilmWatchDateChanged', WatchDate>
  | Fact<'FilmUnchecked', NoData>
  | Fact<'FilmFavourited', NoData>
  | Fact<'FilmUnfavourited', NoData>
  | Fact<'FilmDisliked', NoData>
  | Fact<'FilmUndisliked', NoData>
  | Fact<'FilmAddedToWatchlist', NoData>
  | Fact<'FilmRemovedFromWatchlist', NoData>
  /** `previous`: the rating it replaces, so counts and histograms move by the difference alone. */
  | Fact<'FilmRated', { readonly rating: number; readonly previous: number | null }>
  /** `rating`: the rating taken away. */
  | Fact<'FilmRatingRemoved', { readonly rating: number }>
  | Fact<'ViewingLogged', ViewingData>
  /** The entry as it now is, every field. */
  | Fact<'ViewingChanged', ViewingData>
  | Fact<'ViewingDeleted', { readonly entry: string }>;

export const FILM_LOG_EVENT_TYPES: readonly FilmLogEvent['type'][] = [
  'FilmChecked',
  'FilmWatchDateChanged',
  'FilmUnchecked',
  'FilmFavourited',
  'FilmUnfavourited',
  'FilmDisliked',
  'FilmUndisliked',
  'FilmAddedToWatchlist',
  'FilmRemovedFromWatchlist',
  'FilmRated',
  'FilmRatingRemoved',
  'ViewingLogged',
  'ViewingChanged',
  'ViewingDeleted',
];
