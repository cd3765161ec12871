import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import type { Viewing } from './diary.js';
import {
  changeViewing,
  deleteViewing,
  importViewings,
  logViewing,
  toViewing,
  type ChangeViewing,
} from './diary.decisions.js';
import type { FilmLogEvent } from './film-log.events.js';
import { check, event, mark, rate, redate, type ImportedMark } from './film-log.facts.js';
import type { FilmLogStreamState } from './film-log.state.js';
import { isRating } from './rating.js';

export { ViewingNotFound, type ChangeViewing } from './diary.decisions.js';
export { publicState, type FilmLogState, type FilmLogStreamState } from './film-log.state.js';

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
  | ChangeViewing
  | { readonly type: 'DeleteViewing'; readonly entry: string }
  | ImportFilmLog;

/** Unchecking would leave viewings of a film not seen; Letterboxd asks for them to go first. */
export const hasDiaryEntries = (): DomainRuleViolation =>
  new DomainRuleViolation(
    'has-diary-entries',
    'The film has diary entries: delete them before unchecking it.',
  );

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
        return { ...state, diary: [...state.diary, toViewing(recorded.data)], viewings: state.viewings + 1 };
      case 'ViewingChanged':
        return {
          ...state,
          diary: state.diary.map((entry) =>
            entry.entry === recorded.data.entry ? toViewing(recorded.data) : entry,
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
