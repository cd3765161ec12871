import type { RecordedEvent } from '#event-store';
import type { FilmLogEvent } from '../domain/film-log.events.js';

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
