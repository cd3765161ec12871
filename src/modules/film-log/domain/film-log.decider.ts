import { unreachable, type Decider } from '#decider';
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
  | ImportFilmLog;

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
}

const event = <Type extends FilmLogEvent['type']>(
  type: Type,
  data: Extract<FilmLogEvent, { type: Type }>['data'],
): FilmLogEvent => ({ type, data }) as FilmLogEvent;

/** Checking a film takes it off the watchlist: it has been seen. */
const check = (state: FilmLogState, watchedOn: string | null): FilmLogEvent[] => [
  event('FilmChecked', { watchedOn }),
  ...(state.watchlisted ? [event('FilmRemovedFromWatchlist', {})] : []),
];

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

const at = (events: readonly FilmLogEvent[], occurredAt: string): FilmLogEvent[] =>
  events.map((fact) => ({ ...fact, occurredAt }));

/**
 * A check first (so a favourite needs no check of its own), then a date for a check that had
 * none, then the marks the member lacks and a rating if they have none; a mark that contradicts
 * one the member set (a favourite on a film they disliked) is left to them, and a seen film does
 * not go back on the watchlist.
 */
function importFilmLog(command: ImportFilmLog, state: FilmLogState): FilmLogEvent[] {
  const events: FilmLogEvent[] = [];
  let now = state;
  const add = (facts: FilmLogEvent[], occurredAt: string): void => {
    for (const fact of at(facts, occurredAt)) {
      events.push(fact);
      now = filmLogDecider.evolve(now, fact);
    }
  };
  const { checked, favourite, disliked, watchlisted, rated } = command;
  if (checked && !now.checked) add(check(now, checked.watchedOn), checked.at);
  else if (checked?.watchedOn && now.watchedOn === null)
    add([event('FilmWatchDateChanged', { watchedOn: checked.watchedOn })], checked.at);
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

export const filmLogDecider: Decider<FilmLogCommand, FilmLogEvent, FilmLogState> = {
  initialState: {
    checked: false,
    checkedAt: null,
    watchedOn: null,
    favourite: false,
    disliked: false,
    watchlisted: false,
    rating: null,
  },

  decide(command, state) {
    switch (command.type) {
      case 'CheckFilm':
        if (!state.checked) return check(state, command.watchedOn ?? null);
        return command.watchedOn !== undefined && command.watchedOn !== state.watchedOn
          ? [event('FilmWatchDateChanged', { watchedOn: command.watchedOn })]
          : [];
      case 'UncheckFilm':
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
        return [
          ...(state.checked ? [] : check(state, null)),
          event('FilmRated', { rating: command.rating, previous: state.rating }),
        ];
      case 'RemoveFilmRating':
        return state.rating === null ? [] : [event('FilmRatingRemoved', { rating: state.rating })];
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
        };
      case 'FilmWatchDateChanged':
        return { ...state, watchedOn: recorded.data.watchedOn };
      case 'FilmUnchecked':
        return { ...state, checked: false, checkedAt: null, watchedOn: null, rating: null };
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
      default:
        return unreachable(recorded);
    }
  },
};
