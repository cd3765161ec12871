import { generateNKeysBetween } from 'fractional-indexing';
import type { ListEvent } from '../domain/list.events.js';

/** A film currently in a list, as `list_entries` holds it; `position` is null until a key is given. */
export interface Entry {
  readonly filmId: string;
  readonly position: string | null;
  readonly note: string | null;
  readonly addedAt: string;
}

/** A row of `list_entries` to write: a current entry (removedAt null) or one that left the list. */
export interface EntryChange extends Entry {
  readonly removedAt: string | null;
}

/** A film whose membership differs after the batch: `now` true if it joined, false if it left. */
export interface MembershipChange {
  readonly filmId: string;
  readonly now: boolean;
}

export interface FoldedEntries {
  /** The current entries after the events, in rank order, each with its key. */
  readonly entries: readonly Entry[];
  /** The rows the events touched. */
  readonly changes: readonly EntryChange[];
  readonly memberships: readonly MembershipChange[];
}

/** One event of the list, with its time. */
export type ListFact = ListEvent & { readonly occurredAt: string };

/**
 * Replays a batch of a list's events over its current entries, as the decider's `evolve` does
 * (ranks in events are already resolved: splice, never re-decide). Only the films added or moved
 * lose their key and get a new one between their neighbours, so a move rewrites one row; an
 * edition gives every film of the new content a fresh key.
 */
export function foldEntries(current: readonly Entry[], facts: readonly ListFact[]): FoldedEntries {
  let items: Entry[] = [...current];
  const removedAt = new Map<string, string>();
  const lastAdded = new Map(current.map((entry) => [entry.filmId, entry.addedAt]));
  const touched = new Set<string>();
  const indexOf = (filmId: string): number => items.findIndex((item) => item.filmId === filmId);

  for (const fact of facts) {
    switch (fact.type) {
      case 'FilmAddedToList': {
        const { filmId, rank, note } = fact.data;
        const at = indexOf(filmId);
        if (at >= 0) items.splice(at, 1);
        items.splice(rank === null ? items.length : rank - 1, 0, {
          filmId,
          position: null,
          note,
          addedAt: fact.occurredAt,
        });
        lastAdded.set(filmId, fact.occurredAt);
        removedAt.delete(filmId);
        touched.add(filmId);
        break;
      }
      case 'FilmRemovedFromList': {
        const at = indexOf(fact.data.filmId);
        if (at < 0) break;
        items.splice(at, 1);
        removedAt.set(fact.data.filmId, fact.occurredAt);
        touched.add(fact.data.filmId);
        break;
      }
      case 'ListReordered': {
        const at = indexOf(fact.data.filmId);
        if (at < 0) break;
        const [moved] = items.splice(at, 1);
        items.splice(fact.data.rank - 1, 0, { ...moved!, position: null });
        touched.add(fact.data.filmId);
        break;
      }
      case 'ListItemNoteChanged': {
        const at = indexOf(fact.data.filmId);
        if (at < 0) break;
        items[at] = { ...items[at]!, note: fact.data.note };
        touched.add(fact.data.filmId);
        break;
      }
      case 'ListEditionPublished': {
        const kept = new Set(fact.data.films);
        for (const item of items) {
          if (kept.has(item.filmId)) continue;
          removedAt.set(item.filmId, fact.occurredAt);
          touched.add(item.filmId);
        }
        const stayed = new Map(items.map((item) => [item.filmId, item.addedAt]));
        items = fact.data.films.map((filmId) => ({
          filmId,
          position: null,
          note: null,
          addedAt: stayed.get(filmId) ?? fact.occurredAt,
        }));
        for (const filmId of fact.data.films) {
          lastAdded.set(filmId, stayed.get(filmId) ?? fact.occurredAt);
          removedAt.delete(filmId);
          touched.add(filmId);
        }
        break;
      }
      default:
        break;
    }
  }

  const entries = withKeys(items);
  const after = new Map(entries.map((entry) => [entry.filmId, entry]));
  const before = new Set(current.map((entry) => entry.filmId));
  const changes: EntryChange[] = [];
  const memberships: MembershipChange[] = [];
  for (const filmId of touched) {
    const entry = after.get(filmId);
    changes.push(
      entry
        ? { ...entry, removedAt: null }
        : {
            filmId,
            position: null,
            note: null,
            addedAt: lastAdded.get(filmId)!,
            removedAt: removedAt.get(filmId)!,
          },
    );
    if (before.has(filmId) !== (entry !== undefined)) memberships.push({ filmId, now: entry !== undefined });
  }
  return { entries, changes, memberships };
}

/**
 * Gives each run of keyless entries keys between the keys around it. The keyed entries are in
 * increasing key order still: the events only take entries out or put keyless ones in.
 */
export function withKeys(items: readonly Entry[]): Entry[] {
  const keyed = [...items];
  let start = 0;
  while (start < keyed.length) {
    if (keyed[start]!.position !== null) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < keyed.length && keyed[end]!.position === null) end += 1;
    const keys = generateNKeysBetween(
      start === 0 ? null : keyed[start - 1]!.position,
      end === keyed.length ? null : keyed[end]!.position,
      end - start,
    );
    for (let index = start; index < end; index += 1)
      keyed[index] = { ...keyed[index]!, position: keys[index - start]! };
    start = end;
  }
  return keyed;
}
