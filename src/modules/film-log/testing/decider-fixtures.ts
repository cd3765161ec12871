import { fold } from '#decider';
import type { Viewing } from '../domain/diary.js';
import { filmLogDecider, type FilmLogCommand, type FilmLogStreamState } from '../domain/film-log.decider.js';
import type { FilmLogEvent } from '../domain/film-log.events.js';

// Events, histories and commands the film log's decider specs share.

export const e = (type: FilmLogEvent['type'], data: Record<string, unknown> = {}): FilmLogEvent =>
  ({ type, data }) as FilmLogEvent;

export const checked = (watchedOn: string | null = null) => e('FilmChecked', { watchedOn });
export const favourited = e('FilmFavourited');
export const disliked = e('FilmDisliked');
export const watchlisted = e('FilmAddedToWatchlist');
export const rated = (rating: number, previous: number | null = null) => e('FilmRated', { rating, previous });
export const viewing = (
  entry: string,
  watchedOn: string,
  rewatch = false,
  rating: number | null = null,
): Viewing => ({
  entry,
  watchedOn,
  rewatch,
  rating,
});
export const logged = (entry: Viewing) => e('ViewingLogged', { ...entry });

/** The events a member's commands lead to, each decided on the state the previous ones left. */
export function played(commands: readonly FilmLogCommand[]): FilmLogEvent[] {
  const events: FilmLogEvent[] = [];
  for (const command of commands) {
    events.push(...filmLogDecider.decide(command, fold(filmLogDecider, filmLogDecider.initialState, events)));
  }
  return events;
}

/** Every state a member and a film can be in, each reached by a plausible history. */
export const histories: Record<string, FilmLogEvent[]> = {
  untouched: [],
  watchlisted: [watchlisted],
  checked: [checked()],
  'checked with a date': [checked('2024-05-01')],
  'checked and watchlisted': [checked(), watchlisted],
  favourite: [checked(), favourited],
  'favourite and watchlisted': [checked(), favourited, watchlisted],
  disliked: [checked(), disliked],
  'disliked and watchlisted': [checked(), disliked, watchlisted],
  'unchecked again': [checked('2020-01-01'), favourited, e('FilmUnfavourited'), e('FilmUnchecked')],
  rated: [checked(), rated(3.5)],
  'rated twice, favourite and watchlisted': [checked(), rated(2), rated(4.5, 2), favourited, watchlisted],
  'rating removed': [checked('2021-01-01'), rated(1), e('FilmRatingRemoved', { rating: 1 })],
  'in the diary': played([{ type: 'LogViewing', viewing: viewing('a', '2023-01-01', false, 4) }]),
  'checked with a date, then two viewings, favourite': played([
    { type: 'CheckFilm', watchedOn: '2024-05-01' },
    { type: 'LogViewing', viewing: viewing('b', '2022-02-02') },
    { type: 'LogViewing', viewing: viewing('c', '2024-07-07', true, 2) },
    { type: 'FavouriteFilm' },
  ]),
};

export const commands: FilmLogCommand[] = [
  { type: 'CheckFilm' },
  { type: 'CheckFilm', watchedOn: '2025-02-03' },
  { type: 'CheckFilm', watchedOn: null },
  { type: 'UncheckFilm' },
  { type: 'FavouriteFilm' },
  { type: 'UnfavouriteFilm' },
  { type: 'DislikeFilm' },
  { type: 'UndislikeFilm' },
  { type: 'AddFilmToWatchlist' },
  { type: 'RemoveFilmFromWatchlist' },
  { type: 'RateFilm', rating: 0.5 },
  { type: 'RateFilm', rating: 3.5 },
  { type: 'RateFilm', rating: 5 },
  { type: 'RemoveFilmRating' },
  { type: 'LogViewing', viewing: viewing('n', '2021-05-05', true, 3) },
  { type: 'LogViewing', viewing: viewing('a', '2023-01-01', false, 4) },
  { type: 'ChangeViewing', entry: 'a', watchedOn: '2020-01-01' },
  { type: 'ChangeViewing', entry: 'b', rewatch: true, rating: null },
  { type: 'DeleteViewing', entry: 'b' },
  { type: 'DeleteViewing', entry: 'c' },
];

/** The command is refused for a reason the state gives; the invariants hold for the others. */
export function refusal(command: FilmLogCommand, before: FilmLogStreamState): unknown {
  try {
    filmLogDecider.decide(command, before);
    return null;
  } catch (error) {
    return error;
  }
}

export const hasEntry = (state: FilmLogStreamState, entry: string): boolean =>
  state.diary.some((viewing) => viewing.entry === entry);

export const stateOf = (history: readonly FilmLogEvent[]): FilmLogStreamState =>
  fold(filmLogDecider, filmLogDecider.initialState, history);
