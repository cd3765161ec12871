import type { RecordedEvent } from '#event-store';
import { parseFilmLogStream, type FilmLogEvent } from '../../film-log/domain/film-log.events.js';

/**
 * The marks that make a film popular: a member checking it, favouriting it or putting it on their
 * watchlist. A dislike is attention too, but counting it would put the most disliked films on
 * the page that tells people what to watch.
 */
export const MARK_KINDS = { check: 1, favourite: 2, watchlist: 3 } as const;

export type MarkKind = keyof typeof MARK_KINDS;

const MARK_EVENTS: Partial<Record<FilmLogEvent['type'], readonly [MarkKind, boolean]>> = {
  FilmChecked: ['check', true],
  FilmUnchecked: ['check', false],
  FilmFavourited: ['favourite', true],
  FilmUnfavourited: ['favourite', false],
  FilmAddedToWatchlist: ['watchlist', true],
  FilmRemovedFromWatchlist: ['watchlist', false],
};

export const MARK_EVENT_TYPES = Object.keys(MARK_EVENTS) as FilmLogEvent['type'][];

/** Where a member's mark of one kind on one film stands after a batch: the day it was made, or gone. */
export interface MarkOutcome {
  readonly userId: string;
  readonly filmId: string;
  readonly kind: number;
  /** UTC day of the fact (an imported mark keeps its own day); null when the mark was taken back. */
  readonly markedOn: string | null;
  /** Whether the mark stood before the batch: its first event in the batch took it back. */
  readonly stoodBefore: boolean;
}

/**
 * The last word of a batch on each mark it touches. The decider emits a mark only when it is not
 * already there, and takes one back only when it is, so the last event alone says whether the
 * mark stands and since when, and the first whether it stood before the batch.
 */
export function markOutcomes(events: readonly RecordedEvent[]): MarkOutcome[] {
  const outcomes = new Map<string, MarkOutcome>();
  for (const event of events) {
    const meaning = MARK_EVENTS[event.type as FilmLogEvent['type']];
    if (!meaning) continue;
    const [kind, on] = meaning;
    const { userId, filmId } = parseFilmLogStream(event.streamId);
    const key = `${userId}.${filmId}.${kind}`;
    const earlier = outcomes.get(key);
    outcomes.delete(key);
    outcomes.set(key, {
      userId,
      filmId,
      kind: MARK_KINDS[kind],
      markedOn: on ? event.metadata.occurredAt.slice(0, 10) : null,
      stoodBefore: earlier ? earlier.stoodBefore : !on,
    });
  }
  return [...outcomes.values()];
}

/** The latest UTC day a mark was made or taken back in a batch; null when it holds neither. */
export function latestMarkDay(events: readonly RecordedEvent[]): string | null {
  let latest: string | null = null;
  for (const event of events) {
    if (!MARK_EVENTS[event.type as FilmLogEvent['type']]) continue;
    const day = event.metadata.occurredAt.slice(0, 10);
    if (latest === null || day > latest) latest = day;
  }
  return latest;
}

/** Marks moved per film and day: +1 for each mark made, −1 for each taken back; zeros left out. */
export function dayChanges(
  removed: readonly { readonly film_id: string; readonly marked_on: string }[],
  added: readonly MarkOutcome[],
): { filmIds: string[]; days: string[]; changes: number[] } {
  const changes = new Map<string, number>();
  const move = (filmId: string, day: string, by: number) => {
    const key = `${filmId}|${day}`;
    changes.set(key, (changes.get(key) ?? 0) + by);
  };
  for (const row of removed) move(row.film_id, row.marked_on, -1);
  for (const mark of added) move(mark.filmId, mark.markedOn!, 1);
  const result = { filmIds: [] as string[], days: [] as string[], changes: [] as number[] };
  for (const [key, change] of changes) {
    if (change === 0) continue;
    const [filmId, day] = key.split('|') as [string, string];
    result.filmIds.push(filmId);
    result.days.push(day);
    result.changes.push(change);
  }
  return result;
}
