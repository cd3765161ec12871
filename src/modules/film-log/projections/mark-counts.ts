import type { RecordedEvent } from '#event-store';
import type { FilmLogEvent } from '../domain/film-log.events.js';
import { RATING_STEPS, ratingBucket } from '../domain/rating.js';

/** How many marks of each kind: checks, favourites, dislikes, watchlist entries. */
export interface MarkCounts {
  checks: number;
  favourites: number;
  dislikes: number;
  watchlists: number;
}

/**
 * What each event does to the counts. The decider emits an event only for a real change (a film
 * is never checked twice without an uncheck between), so the counts follow from the events alone.
 */
const CHANGE: Record<FilmLogEvent['type'], Partial<MarkCounts>> = {
  FilmChecked: { checks: 1 },
  FilmUnchecked: { checks: -1 },
  FilmWatchDateChanged: {},
  FilmFavourited: { favourites: 1 },
  FilmUnfavourited: { favourites: -1 },
  FilmDisliked: { dislikes: 1 },
  FilmUndisliked: { dislikes: -1 },
  FilmAddedToWatchlist: { watchlists: 1 },
  FilmRemovedFromWatchlist: { watchlists: -1 },
  FilmRated: {},
  FilmRatingRemoved: {},
  ViewingLogged: {},
  ViewingChanged: {},
  ViewingDeleted: {},
};

const isUnchanged = (counts: MarkCounts): boolean =>
  counts.checks === 0 && counts.favourites === 0 && counts.dislikes === 0 && counts.watchlists === 0;

/** The net change of the counts per key over a batch; keys whose counts end where they began are left out. */
export function tallyMarks(
  events: readonly RecordedEvent[],
  keyOf: (event: RecordedEvent) => string,
): Map<string, MarkCounts> {
  const tallies = new Map<string, MarkCounts>();
  for (const event of events) {
    if (!Object.hasOwn(CHANGE, event.type)) continue;
    const change = CHANGE[event.type as FilmLogEvent['type']];
    const key = keyOf(event);
    const tally = tallies.get(key) ?? { checks: 0, favourites: 0, dislikes: 0, watchlists: 0 };
    tally.checks += change.checks ?? 0;
    tally.favourites += change.favourites ?? 0;
    tally.dislikes += change.dislikes ?? 0;
    tally.watchlists += change.watchlists ?? 0;
    tallies.set(key, tally);
  }
  for (const [key, tally] of tallies) if (isUnchanged(tally)) tallies.delete(key);
  return tallies;
}

/** `rated_1` … `rated_10`: how many ratings of 0.5 … 5 stars. */
export const RATING_BUCKET_COLUMNS = Array.from(
  { length: RATING_STEPS },
  (_, index) => `rated_${index + 1}` as const,
);

export type RatingBucketColumn = (typeof RATING_BUCKET_COLUMNS)[number];

/** Ratings counted, their sum in half stars (so the average stays exact), and the histogram. */
export type RatingCounts = Record<'ratings' | 'rating_half_stars' | RatingBucketColumn, number>;

export const RATING_COLUMNS = ['ratings', 'rating_half_stars', ...RATING_BUCKET_COLUMNS] as const;

const noRatings = (): RatingCounts =>
  Object.fromEntries(RATING_COLUMNS.map((column) => [column, 0])) as RatingCounts;

/**
 * The net change of ratings per key over a batch: a rating event names the rating it replaces or
 * removes, so the counts move by the difference alone, exactly as a recount would find them.
 */
export function tallyRatings(
  events: readonly RecordedEvent[],
  keyOf: (event: RecordedEvent) => string,
): Map<string, RatingCounts> {
  const tallies = new Map<string, RatingCounts>();
  const move = (tally: RatingCounts, rating: number, by: 1 | -1): void => {
    tally.ratings += by;
    tally.rating_half_stars += by * rating * 2;
    tally[RATING_BUCKET_COLUMNS[ratingBucket(rating)]!] += by;
  };
  for (const event of events) {
    if (event.type !== 'FilmRated' && event.type !== 'FilmRatingRemoved') continue;
    const key = keyOf(event);
    const tally = tallies.get(key) ?? noRatings();
    tallies.set(key, tally);
    if (event.type === 'FilmRated') {
      const { rating, previous } = event.data as { rating: number; previous: number | null };
      if (previous !== null) move(tally, previous, -1);
      move(tally, rating, 1);
    } else {
      move(tally, (event.data as { rating: number }).rating, -1);
    }
  }
  for (const [key, tally] of tallies) {
    if (RATING_COLUMNS.every((column) => tally[column] === 0)) tallies.delete(key);
  }
  return tallies;
}
