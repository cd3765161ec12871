import type { Viewing } from './diary.js';
import { check, rate, redate, event, type ImportedMark } from './film-log.facts.js';
import type { FilmLogEvent } from './film-log.events.js';
import type { FilmLogStreamState } from './film-log.state.js';
import { isRating } from './rating.js';

// The diary's decisions on a member's film-log stream: entries logged, changed, deleted, imported.

/** The entry is not in this member's diary for this film. */
export class ViewingNotFound extends Error {
  override readonly name = 'ViewingNotFound';

  constructor() {
    super('No diary entry has that id.');
  }
}

/** Fields left undefined stay; `rating: null` takes the entry's stars away (not the film's). */
export interface ChangeViewing {
  readonly type: 'ChangeViewing';
  readonly entry: string;
  readonly watchedOn?: string;
  readonly rewatch?: boolean;
  readonly rating?: number | null;
}

/** `rate: false` for imports, whose stars only fill an empty rating. */
export function logViewing(state: FilmLogStreamState, viewing: Viewing, rated = true): FilmLogEvent[] {
  if (viewing.rating !== null && !isRating(viewing.rating)) {
    throw new RangeError(`Not a rating: ${viewing.rating}`);
  }
  const logged = event('ViewingLogged', { ...viewing });
  const diary = [...state.diary, viewing];
  return [
    ...(state.checked ? redate(state, state.checkDate, diary) : check(state, viewing.watchedOn, null)),
    logged,
    ...(rated ? rate(state, viewing.rating) : []),
  ];
}

export function changeViewing(state: FilmLogStreamState, command: ChangeViewing): FilmLogEvent[] {
  const current = state.diary.find((viewing) => viewing.entry === command.entry);
  if (!current) throw new ViewingNotFound();
  if (command.rating !== undefined && command.rating !== null && !isRating(command.rating)) {
    throw new RangeError(`Not a rating: ${command.rating}`);
  }
  const next: Viewing = {
    entry: current.entry,
    watchedOn: command.watchedOn ?? current.watchedOn,
    rewatch: command.rewatch ?? current.rewatch,
    rating: command.rating === undefined ? current.rating : command.rating,
  };
  if (
    next.watchedOn === current.watchedOn &&
    next.rewatch === current.rewatch &&
    next.rating === current.rating
  ) {
    return [];
  }
  const diary = state.diary.map((viewing) => (viewing.entry === next.entry ? next : viewing));
  return [
    event('ViewingChanged', { ...next }),
    ...redate(state, state.checkDate, diary),
    ...(next.rating !== current.rating ? rate(state, next.rating) : []),
  ];
}

export function deleteViewing(state: FilmLogStreamState, entry: string): FilmLogEvent[] {
  if (!state.diary.some((viewing) => viewing.entry === entry)) throw new ViewingNotFound();
  const diary = state.diary.filter((viewing) => viewing.entry !== entry);
  return [event('ViewingDeleted', { entry }), ...redate(state, state.checkDate, diary)];
}

/** The export's viewings the member lacks, matched by id and then by how many they have that day. */
export function importViewings(
  state: FilmLogStreamState,
  viewings: readonly (ImportedMark & Viewing)[],
): (ImportedMark & Viewing)[] {
  const have = new Map<string, number>();
  for (const viewing of state.diary) have.set(viewing.watchedOn, (have.get(viewing.watchedOn) ?? 0) + 1);
  const known = new Set(state.diary.map((viewing) => viewing.entry));
  const exported = new Map<string, number>();
  const added: (ImportedMark & Viewing)[] = [];
  for (const viewing of viewings) {
    const ordinal = exported.get(viewing.watchedOn) ?? 0;
    exported.set(viewing.watchedOn, ordinal + 1);
    if (known.has(viewing.entry) || ordinal < (have.get(viewing.watchedOn) ?? 0)) continue;
    added.push(viewing);
  }
  return added;
}

/** An entry as the state keeps it: its own fields, whatever else its event carries. */
export const toViewing = ({ entry, watchedOn, rewatch, rating }: Viewing): Viewing => ({
  entry,
  watchedOn,
  rewatch,
  rating,
});
