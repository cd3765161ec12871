import { normaliseGenre } from '../domain/normalise.js';
import { FIRST_FILM_YEAR, YEARS_AHEAD } from '../films/validation-rules.js';

/**
 * One line of IMDb's `title.basics.tsv`: tab-separated, `\N` for null, no quoting (a title may hold
 * quote characters, never a tab or a newline).
 */
export const TITLE_BASICS_COLUMNS = [
  'tconst',
  'titleType',
  'primaryTitle',
  'originalTitle',
  'isAdult',
  'startYear',
  'endYear',
  'runtimeMinutes',
  'genres',
] as const;

/**
 * The title types the catalogue holds: feature films, TV films and shorts. Series, episodes,
 * specials, video games and IMDb's catch-all `video` are not films one logs here; they are counted
 * as ignored, not as bad rows. Adult titles are ignored too.
 */
export const FILM_TITLE_TYPES: ReadonlySet<string> = new Set(['movie', 'tvMovie', 'short']);

/** The bounds of the API's film shape (FilmRequest), so an imported film could be saved over HTTP too. */
export const MIN_YEAR = FIRST_FILM_YEAR;
export const MAX_RUNTIME_MINUTES = 100_000;
export const MAX_TITLE_LENGTH = 300;

/** The latest year a film may carry: announced films are dated a few years ahead. */
export const latestFilmYear = (now: Date = new Date()): number => now.getUTCFullYear() + YEARS_AHEAD;

export interface TitleBasicsFilm {
  readonly imdbId: string;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly year: number | null;
  readonly runtimeMinutes: number | null;
  /** Lowercase kebab, deduplicated, in the file's order. */
  readonly genres: readonly string[];
}

export type TitleBasicsLine =
  | { readonly kind: 'film'; readonly film: TitleBasicsFilm }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'bad'; readonly reason: string };

const NULL = '\\N';
const TCONST = /^tt\d{7,10}$/;
const WHOLE_NUMBER = /^\d{1,9}$/;
const TITLE_TYPE = /^[A-Za-z]{1,40}$/;
const GENRE = /^[A-Za-z][A-Za-z -]{0,39}$/;
// Control characters other than tab cannot come from a sane export, and PostgreSQL refuses NUL.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

export const isTitleBasicsHeader = (line: string): boolean =>
  stripCarriageReturn(line.replace(/^\uFEFF/, '')) === TITLE_BASICS_COLUMNS.join('\t');

function stripCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** A line that cannot be a film row; caught once, in parseTitleBasicsLine. */
class BadLine extends Error {}

/** The catalogue's lowercase kebab ("Film-Noir" → "film-noir"), IMDb's "Sci-Fi" as "science-fiction". */
export const normaliseImdbGenre = normaliseGenre;

function yearField(name: string, raw: string, latestYear: number): number | null {
  if (raw === NULL) return null;
  if (!/^\d{4}$/.test(raw)) throw new BadLine(`${name} "${raw}" is not a year`);
  const year = Number(raw);
  if (year < MIN_YEAR || year > latestYear) {
    throw new BadLine(`${name} ${year} is out of range ${MIN_YEAR}-${latestYear}`);
  }
  return year;
}

function runtimeField(raw: string): number | null {
  if (raw === NULL) return null;
  const minutes = WHOLE_NUMBER.test(raw) ? Number(raw) : Number.NaN;
  if (!(minutes >= 1 && minutes <= MAX_RUNTIME_MINUTES)) {
    throw new BadLine(`runtimeMinutes "${raw}" is not a whole number from 1 to ${MAX_RUNTIME_MINUTES}`);
  }
  return minutes;
}

/** Files repeat a few thousand genre lists; each is parsed once. Cleared when full, so it stays small. */
const parsedGenres = new Map<string, readonly string[]>();
const PARSED_GENRES_KEPT = 10_000;

function genresField(raw: string): readonly string[] {
  if (raw === NULL || raw === '') return [];
  const known = parsedGenres.get(raw);
  if (known) return known;
  const genres: string[] = [];
  for (const genre of raw.split(',')) {
    if (!GENRE.test(genre)) throw new BadLine(`genres "${raw}" holds a malformed genre`);
    const name = normaliseImdbGenre(genre);
    if (!genres.includes(name)) genres.push(name);
  }
  if (parsedGenres.size >= PARSED_GENRES_KEPT) parsedGenres.clear();
  parsedGenres.set(raw, Object.freeze(genres));
  return genres;
}

function titleField(name: string, raw: string): string | null {
  if (raw === NULL) return null;
  const title = raw.trim();
  if (title === '') return null;
  if (title.length > MAX_TITLE_LENGTH)
    throw new BadLine(`${name} is longer than ${MAX_TITLE_LENGTH} characters`);
  if (CONTROL.test(title)) throw new BadLine(`${name} holds a control character`);
  return title;
}

function parseColumns(columns: readonly string[], latestYear: number): TitleBasicsLine {
  if (columns.length !== TITLE_BASICS_COLUMNS.length) {
    throw new BadLine(
      `expected ${TITLE_BASICS_COLUMNS.length} tab-separated columns, found ${columns.length}`,
    );
  }
  const [tconst, titleType, primaryTitle, originalTitle, isAdult, startYear, endYear, runtime, genres] =
    columns as [string, string, string, string, string, string, string, string, string];
  if (!TCONST.test(tconst)) {
    throw new BadLine(`tconst "${tconst}" is not an IMDb title id (tt and 7 to 10 digits)`);
  }
  if (!TITLE_TYPE.test(titleType)) throw new BadLine(`titleType "${titleType}" is malformed`);
  // Fields of titles the catalogue does not hold are not judged: they are never written.
  if (!FILM_TITLE_TYPES.has(titleType)) return { kind: 'ignored', reason: titleType };
  if (isAdult !== '0' && isAdult !== '1') throw new BadLine(`isAdult "${isAdult}" is not 0 or 1`);
  if (isAdult === '1') return { kind: 'ignored', reason: 'adult' };
  const title = titleField('primaryTitle', primaryTitle);
  if (title === null) throw new BadLine('primaryTitle is empty');
  const film: TitleBasicsFilm = {
    imdbId: tconst,
    title,
    originalTitle: titleField('originalTitle', originalTitle),
    year: yearField('startYear', startYear, latestYear),
    runtimeMinutes: runtimeField(runtime),
    genres: genresField(genres),
  };
  yearField('endYear', endYear, latestYear);
  return { kind: 'film', film };
}

/** Parses and validates one data line; never throws. */
export function parseTitleBasicsLine(line: string, latestYear = latestFilmYear()): TitleBasicsLine {
  try {
    return parseColumns(stripCarriageReturn(line).split('\t'), latestYear);
  } catch (error) {
    if (error instanceof BadLine) return { kind: 'bad', reason: error.message };
    throw error;
  }
}
