import type { ImportFilmLog } from '../../film-log/domain/film-log.decider.js';
import type {
  ImportedCheck,
  ImportedFilm,
  ImportedMark,
  ImportedRating,
  ImportedViewing,
} from '../parsing/import-plan.js';

/** The id of the `ordinal`-th viewing (from 0) the export gives the film on that day. */
export type ViewingIdOf = (watchedOn: string, ordinal: number) => string;

const earlier = <Mark extends ImportedMark>(a: Mark | null, b: Mark | null): Mark | null =>
  a === null ? b : b === null ? a : Date.parse(b.at) < Date.parse(a.at) ? b : a;

/** The latest rating wins: the member's rating is the last one they gave. */
const laterRating = (a: ImportedRating | null, b: ImportedRating | null): ImportedRating | null =>
  a === null ? b : b === null ? a : Date.parse(b.at) >= Date.parse(a.at) ? b : a;

/** The earliest viewing date known wins; a dated check beats an undated one. */
const earlierCheck = (a: ImportedCheck | null, b: ImportedCheck | null): ImportedCheck | null => {
  if (a === null || b === null) return a ?? b;
  if (a.watchedOn !== null && b.watchedOn !== null) return b.watchedOn < a.watchedOn ? b : a;
  if (a.watchedOn !== null || b.watchedOn !== null) return a.watchedOn !== null ? a : b;
  return earlier(a, b);
};

/** Every viewing, oldest day first (then as logged), each with its id. */
function viewingsOf(
  films: readonly ImportedFilm[],
  idOf: ViewingIdOf,
): NonNullable<ImportFilmLog['viewings']> {
  const viewings: ImportedViewing[] = films.flatMap((film) => film.viewings);
  viewings.sort((a, b) => a.watchedOn.localeCompare(b.watchedOn) || Date.parse(a.at) - Date.parse(b.at));
  const seen = new Map<string, number>();
  return viewings.map(({ watchedOn, rewatch, rating, at }) => {
    const ordinal = seen.get(watchedOn) ?? 0;
    seen.set(watchedOn, ordinal + 1);
    return { entry: idOf(watchedOn, ordinal), watchedOn, rewatch, rating, at };
  });
}

/**
 * One ImportFilmLog for the export's rows that matched the same catalogue film (two spellings of a
 * title, an IMDb id and a title): the earliest of each mark, the latest rating, every viewing.
 */
export function mergeMarks(films: readonly ImportedFilm[], viewingIdOf: ViewingIdOf): ImportFilmLog {
  let command: ImportFilmLog = {
    type: 'ImportFilmLog',
    checked: null,
    favourite: null,
    disliked: null,
    watchlisted: null,
    rated: null,
  };
  for (const film of films)
    command = {
      type: 'ImportFilmLog',
      checked: earlierCheck(command.checked, film.checked),
      favourite: earlier(command.favourite, film.favourite),
      disliked: earlier(command.disliked, film.disliked),
      watchlisted: earlier(command.watchlisted, film.watchlisted),
      rated: laterRating(command.rated ?? null, film.rated),
    };
  return { ...command, viewings: viewingsOf(films, viewingIdOf) };
}
