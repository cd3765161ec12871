import type { EventStore, Position, RecordedEvent } from '#event-store';
import { filmLogDecider, publicState, type FilmLogState } from '../domain/film-log.decider.js';
import { filmLogStream, type FilmLogEvent } from '../domain/film-log.events.js';

/**
 * The film log recounted from the event streams alone, to hold the read models against. Each
 * stream is folded with the decider's `evolve` (the specification of what an event means); the
 * counts are then taken from the folded states, never from the events, so they do not share the
 * projections' assumption that every event is a real change.
 */

export interface MarkTally {
  checks: number;
  favourites: number;
  dislikes: number;
  watchlists: number;
}

/** The state after each event of a stream, with that event's position; the first entry is before any. */
export interface FoldedStream {
  readonly events: readonly RecordedEvent[];
  readonly states: readonly { readonly position: Position | null; readonly state: FilmLogState }[];
  readonly final: FilmLogState;
}

export async function readFilmLog(store: EventStore, userId: string, filmId: string): Promise<FoldedStream> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readStream(filmLogStream(userId, filmId))) events.push(event);
  let state = filmLogDecider.initialState;
  // The states as the API answers them, without what only the stream keeps.
  const states: { position: Position | null; state: FilmLogState }[] = [
    { position: null, state: publicState(state) },
  ];
  for (const event of events) {
    const fact = {
      type: event.type,
      data: event.data,
      occurredAt: event.metadata.occurredAt,
    } as FilmLogEvent;
    state = filmLogDecider.evolve(state, fact);
    states.push({ position: event.position, state: publicState(state) });
  }
  return { events, states, final: publicState(state) };
}

/**
 * Events that change nothing they claim to change (a second check, an unfavourite of a film not
 * favourited, ...): the decider never writes them, so any found means concurrent taps slipped past
 * the stream's revision check.
 */
export function idleEvents(stream: FoldedStream): RecordedEvent[] {
  return stream.events.filter((event, index) => {
    const before = stream.states[index]!.state;
    switch (event.type as FilmLogEvent['type']) {
      case 'FilmChecked':
        return before.checked;
      case 'FilmUnchecked':
        return !before.checked;
      case 'FilmWatchDateChanged':
        return !before.checked || before.watchedOn === event.data['watchedOn'];
      case 'FilmFavourited':
        return before.favourite;
      case 'FilmUnfavourited':
        return !before.favourite;
      case 'FilmDisliked':
        return before.disliked;
      case 'FilmUndisliked':
        return !before.disliked;
      case 'FilmAddedToWatchlist':
        return before.watchlisted;
      case 'FilmRemovedFromWatchlist':
        return !before.watchlisted;
      case 'FilmRated':
        return (
          !before.checked ||
          before.rating === event.data['rating'] ||
          before.rating !== event.data['previous']
        );
      case 'FilmRatingRemoved':
        return before.rating === null || before.rating !== event.data['rating'];
      default:
        return true;
    }
  });
}

export const hasMarks = (state: FilmLogState): boolean =>
  state.checked || state.favourite || state.disliked || state.watchlisted;

/** How many of the given states carry each mark. */
export function countMarks(states: Iterable<FilmLogState>): MarkTally {
  const tally: MarkTally = { checks: 0, favourites: 0, dislikes: 0, watchlists: 0 };
  for (const state of states) {
    if (state.checked) tally.checks += 1;
    if (state.favourite) tally.favourites += 1;
    if (state.disliked) tally.dislikes += 1;
    if (state.watchlisted) tally.watchlists += 1;
  }
  return tally;
}

export interface RatingTally {
  count: number;
  halfStars: number;
  /** Ratings of 0.5, 1, … 5 stars. */
  histogram: number[];
}

/** The ratings the given states carry, counted from the states. */
export function countRatings(states: Iterable<FilmLogState>): RatingTally {
  const tally: RatingTally = { count: 0, halfStars: 0, histogram: Array.from({ length: 10 }, () => 0) };
  for (const { rating } of states) {
    if (rating === null) continue;
    tally.count += 1;
    tally.halfStars += rating * 2;
    tally.histogram[rating * 2 - 1]! += 1;
  }
  return tally;
}

/** `part` of `whole` in percent, one decimal, halves up, in integer arithmetic (tenths of a percent). */
export function halfUpPercent(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.floor((2000 * part + whole) / (2 * whole)) / 10;
}
