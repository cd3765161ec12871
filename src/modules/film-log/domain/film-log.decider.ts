import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import { earliestDate, type Viewing } from './diary.js';
import type { FilmLogEvent } from './film-log.events.js';
import { isRating } from './rating.js';

export type FilmLogCommand =
  /** `watchedOn` undefined: keep the date a checked film has; null or a date: set it. */
  | { readonly type: 'CheckFilm'; readonly watchedOn?: string | null }
  | { readonly type: 'UncheckFilm' }
  | { readonly type: 'FavouriteFilm' }
  | { readonly type: 'UnfavouriteFilm' }
  | { readonly type: 'DislikeFilm' }
  | { readonly type: 'UndislikeFilm' }
  | { readonly type: 'AddFilmToWatchlist' }
  | { readonly type: 'RemoveFilmFromWatchlist' }
  /** `rating`: 0.5 to 5 in half stars. */
  | { readonly type: 'RateFilm'; readonly rating: number }
  | { readonly type: 'RemoveFilmRating' }
  /** A diary entry: checks the film, may move its date earlier, and its stars become the rating. */
  | { readonly type: 'LogViewing'; readonly viewing: Viewing }
  /** Fields left undefined stay; `rating: null` takes the entry's stars away (not the film's). */
  | {
      readonly type: 'ChangeViewing';
      readonly entry: string;
      readonly watchedOn?: string;
      readonly rewatch?: boolean;
      readonly rating?: number | null;
    }
  | { readonly type: 'DeleteViewing'; readonly entry: string }
  | ImportFilmLog;

/** The entry is not in this member's diary for this film. */
export class ViewingNotFound extends Error {
  override readonly name = 'ViewingNotFound';

  constructor() {
    super('No diary entry has that id.');
  }
}

/** Unchecking would leave viewings of a film not seen; Letterboxd asks for them to go first. */
export const hasDiaryEntries = (): DomainRuleViolation =>
  new DomainRuleViolation(
    'has-diary-entries',
    'The film has diary entries: delete them before unchecking it.',
  );

/** When an imported mark happened (ISO 8601 instant): its events carry that time. */
interface ImportedMark {
  readonly at: string;
}

/**
 * What an export says of one film: checked (with the earliest viewing date it knows), favourite,
 * disliked, on the watchlist; null where it says nothing. An import only adds what the member
 * does not have yet and never takes a mark away, so importing the same file again changes nothing.
 */
export interface ImportFilmLog {
  readonly type: 'ImportFilmLog';
  readonly checked: (ImportedMark & { readonly watchedOn: string | null }) | null;
  readonly favourite: ImportedMark | null;
  readonly disliked: ImportedMark | null;
  readonly watchlisted: ImportedMark | null;
  /** The export's latest rating; absent in commands from before ratings were imported. */
  readonly rated?: (ImportedMark & { readonly rating: number }) | null;
  /**
   * The export's diary for the film, oldest first. Entries are matched by day: the member keeps
   * as many entries on a day as they have, and only the export's surplus on that day is added.
   */
  readonly viewings?: readonly (ImportedMark & Viewing)[];
}

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

const event = <Type extends FilmLogEvent['type']>(
  type: Type,
  data: Extract<FilmLogEvent, { type: Type }>['data'],
): FilmLogEvent => ({ type, data }) as FilmLogEvent;

/** `checkDate` is written only where it is not the film's date, as events before the diary have it. */
const watchDate = (watchedOn: string | null, checkDate: string | null) =>
  checkDate === watchedOn ? { watchedOn } : { watchedOn, checkDate };

/** Checking a film takes it off the watchlist: it has been seen. */
const check = (
  state: FilmLogState,
  watchedOn: string | null,
  checkDate: string | null = watchedOn,
): FilmLogEvent[] => [
  event('FilmChecked', watchDate(watchedOn, checkDate)),
  ...(state.watchlisted ? [event('FilmRemovedFromWatchlist', {})] : []),
];

/** The film's date after a change to the check's own date or to the diary. */
const redate = (
  state: FilmLogStreamState,
  checkDate: string | null,
  diary: readonly Viewing[],
): FilmLogEvent[] => {
  const watchedOn = earliestDate([checkDate, ...diary.map((viewing) => viewing.watchedOn)]);
  return watchedOn === state.watchedOn && checkDate === state.checkDate
    ? []
    : [event('FilmWatchDateChanged', watchDate(watchedOn, checkDate))];
};

const rate = (state: FilmLogState, rating: number | null): FilmLogEvent[] =>
  rating === null || rating === state.rating ? [] : [event('FilmRated', { rating, previous: state.rating })];

/** `rate: false` for imports, whose stars only fill an empty rating. */
function logViewing(state: FilmLogStreamState, viewing: Viewing, rated = true): FilmLogEvent[] {
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

function changeViewing(
  state: FilmLogStreamState,
  command: Extract<FilmLogCommand, { type: 'ChangeViewing' }>,
): FilmLogEvent[] {
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

function deleteViewing(state: FilmLogStreamState, entry: string): FilmLogEvent[] {
  if (!state.diary.some((viewing) => viewing.entry === entry)) throw new ViewingNotFound();
  const diary = state.diary.filter((viewing) => viewing.entry !== entry);
  return [event('ViewingDeleted', { entry }), ...redate(state, state.checkDate, diary)];
}

/** The export's viewings the member lacks, matched by id and then by how many they have that day. */
function importViewings(
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

/** Favourite and dislike imply a check (without a date) and exclude each other. */
const mark = (state: FilmLogState, mark: 'favourite' | 'dislike'): FilmLogEvent[] => {
  const already = mark === 'favourite' ? state.favourite : state.disliked;
  if (already) return [];
  const opposite = mark === 'favourite' ? state.disliked : state.favourite;
  return [
    ...(state.checked ? [] : check(state, null)),
    ...(opposite ? [event(mark === 'favourite' ? 'FilmUndisliked' : 'FilmUnfavourited', {})] : []),
    event(mark === 'favourite' ? 'FilmFavourited' : 'FilmDisliked', {}),
  ];
};

const viewing = ({ entry, watchedOn, rewatch, rating }: Viewing): Viewing => ({
  entry,
  watchedOn,
  rewatch,
  rating,
});

const at = (events: readonly FilmLogEvent[], occurredAt: string): FilmLogEvent[] =>
  events.map((fact) => ({ ...fact, occurredAt }));

/**
 * A check first (so a favourite needs no check of its own), then a date for a check that had
 * none, then the marks the member lacks and a rating if they have none; a mark that contradicts
 * one the member set (a favourite on a film they disliked) is left to them, and a seen film does
 * not go back on the watchlist.
 */
function importFilmLog(command: ImportFilmLog, state: FilmLogStreamState): FilmLogEvent[] {
  const events: FilmLogEvent[] = [];
  let now = state;
  const add = (facts: FilmLogEvent[], occurredAt: string): void => {
    for (const fact of at(facts, occurredAt)) {
      events.push(fact);
      now = filmLogDecider.evolve(now, fact);
    }
  };
  const { checked, favourite, disliked, watchlisted, rated, viewings = [] } = command;
  if (checked && !now.checked) add(check(now, checked.watchedOn), checked.at);
  else if (checked?.watchedOn && now.watchedOn === null)
    add(redate(now, checked.watchedOn, now.diary), checked.at);
  for (const viewing of importViewings(now, viewings)) {
    const { at: loggedAt, ...entry } = viewing;
    add(logViewing(now, entry, false), loggedAt);
  }
  if (favourite && !now.favourite && !now.disliked) add(mark(now, 'favourite'), favourite.at);
  if (disliked && !now.disliked && !now.favourite) add(mark(now, 'dislike'), disliked.at);
  if (watchlisted && !now.watchlisted && !now.checked)
    add([event('FilmAddedToWatchlist', {})], watchlisted.at);
  // A rating the member gave themselves is theirs; an imported one only fills an empty place.
  if (rated && now.rating === null && isRating(rated.rating)) {
    add([...filmLogDecider.decide({ type: 'RateFilm', rating: rated.rating }, now)], rated.at);
  }
  return events;
}

export const filmLogDecider: Decider<FilmLogCommand, FilmLogEvent, FilmLogStreamState> = {
  initialState: {
    checked: false,
    checkedAt: null,
    watchedOn: null,
    favourite: false,
    disliked: false,
    watchlisted: false,
    rating: null,
    viewings: 0,
    checkDate: null,
    diary: [],
  },

  decide(command, state) {
    switch (command.type) {
      case 'CheckFilm':
        if (!state.checked) return check(state, command.watchedOn ?? null);
        return command.watchedOn !== undefined && command.watchedOn !== state.checkDate
          ? redate(state, command.watchedOn, state.diary)
          : [];
      case 'UncheckFilm':
        if (state.diary.length > 0) throw hasDiaryEntries();
        // Unchecking takes back what a check carries; the watchlist is left as it is.
        return state.checked
          ? [
              ...(state.rating !== null ? [event('FilmRatingRemoved', { rating: state.rating })] : []),
              ...(state.favourite ? [event('FilmUnfavourited', {})] : []),
              ...(state.disliked ? [event('FilmUndisliked', {})] : []),
              event('FilmUnchecked', {}),
            ]
          : [];
      case 'FavouriteFilm':
        return mark(state, 'favourite');
      case 'DislikeFilm':
        return mark(state, 'dislike');
      case 'UnfavouriteFilm':
        return state.favourite ? [event('FilmUnfavourited', {})] : [];
      case 'UndislikeFilm':
        return state.disliked ? [event('FilmUndisliked', {})] : [];
      case 'AddFilmToWatchlist':
        return state.watchlisted ? [] : [event('FilmAddedToWatchlist', {})];
      case 'RemoveFilmFromWatchlist':
        return state.watchlisted ? [event('FilmRemovedFromWatchlist', {})] : [];
      case 'RateFilm':
        if (!isRating(command.rating)) throw new RangeError(`Not a rating: ${command.rating}`);
        if (state.rating === command.rating) return [];
        return [...(state.checked ? [] : check(state, null)), ...rate(state, command.rating)];
      case 'RemoveFilmRating':
        return state.rating === null ? [] : [event('FilmRatingRemoved', { rating: state.rating })];
      case 'LogViewing':
        return state.diary.some((viewing) => viewing.entry === command.viewing.entry)
          ? []
          : logViewing(state, command.viewing);
      case 'ChangeViewing':
        return changeViewing(state, command);
      case 'DeleteViewing':
        return deleteViewing(state, command.entry);
      case 'ImportFilmLog':
        return importFilmLog(command, state);
      default:
        return unreachable(command);
    }
  },

  evolve(state, recorded) {
    switch (recorded.type) {
      case 'FilmChecked':
        return {
          ...state,
          checked: true,
          checkedAt: recorded.occurredAt ?? null,
          watchedOn: recorded.data.watchedOn,
          checkDate:
            recorded.data.checkDate === undefined ? recorded.data.watchedOn : recorded.data.checkDate,
        };
      case 'FilmWatchDateChanged':
        return {
          ...state,
          watchedOn: recorded.data.watchedOn,
          checkDate:
            recorded.data.checkDate === undefined ? recorded.data.watchedOn : recorded.data.checkDate,
        };
      case 'FilmUnchecked':
        return {
          ...state,
          checked: false,
          checkedAt: null,
          watchedOn: null,
          rating: null,
          checkDate: null,
          diary: [],
          viewings: 0,
        };
      case 'FilmFavourited':
        return { ...state, favourite: true };
      case 'FilmUnfavourited':
        return { ...state, favourite: false };
      case 'FilmDisliked':
        return { ...state, disliked: true };
      case 'FilmUndisliked':
        return { ...state, disliked: false };
      case 'FilmAddedToWatchlist':
        return { ...state, watchlisted: true };
      case 'FilmRemovedFromWatchlist':
        return { ...state, watchlisted: false };
      case 'FilmRated':
        return { ...state, rating: recorded.data.rating };
      case 'FilmRatingRemoved':
        return { ...state, rating: null };
      case 'ViewingLogged':
        return { ...state, diary: [...state.diary, viewing(recorded.data)], viewings: state.viewings + 1 };
      case 'ViewingChanged':
        return {
          ...state,
          diary: state.diary.map((entry) =>
            entry.entry === recorded.data.entry ? viewing(recorded.data) : entry,
          ),
        };
      case 'ViewingDeleted':
        return {
          ...state,
          diary: state.diary.filter((entry) => entry.entry !== recorded.data.entry),
          viewings: Math.max(0, state.viewings - 1),
        };
      default:
        return unreachable(recorded);
    }
  },
};
