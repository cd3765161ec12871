import { chunks } from '../../../common/chunks.js';
import type { Queryable } from './film-reader.js';
import { longestWord, titleKeys, type TitleKeys } from './film-title-key.js';

/** What another source says about a film: its IMDb id, or its title and year, or both. */
export interface FilmMatchRequest {
  readonly imdbId?: string | null;
  readonly title?: string | null;
  readonly year?: number | null;
}

export type UnmatchedReason = 'no-such-film' | 'ambiguous' | 'nothing-to-match';

export type FilmMatch =
  | { readonly matched: true; readonly filmId: string; readonly by: 'imdb' | 'title' }
  | { readonly matched: false; readonly reason: UnmatchedReason; readonly candidates: number };

export const IMDB_ID = /^tt\d{7,}$/;

/** A catalogue film as the matcher compares it. */
export interface MatchCandidate {
  readonly id: string;
  readonly title: string;
  readonly originalTitle: string | null;
  readonly year: number | null;
  readonly imdbId: string | null;
}

interface CandidateRow {
  id: string;
  title: string;
  original_title: string | null;
  year: number | null;
  imdb_id: string | null;
}

const toCandidate = (row: CandidateRow): MatchCandidate => ({
  id: row.id,
  title: row.title,
  originalTitle: row.original_title,
  year: row.year,
  imdbId: row.imdb_id,
});

/** Row years read together: their films (a year either side included) are read in one statement. */
const YEARS_PER_STATEMENT = 10;
const IDS_PER_STATEMENT = 5_000;

/**
 * How far a film is from what the row says, lower is closer: a year off by one costs 2, a title
 * that only matches once an article (or spacing) is set aside costs 1. Null when it is no match.
 */
export function distance(keys: TitleKeys, year: number | null, film: MatchCandidate): number | null {
  if (year !== null && (film.year === null || Math.abs(film.year - year) > 1)) return null;
  const yearCost = year === null || film.year === year ? 0 : 2;
  let best: number | null = null;
  for (const title of [film.title, film.originalTitle]) {
    if (title === null) continue;
    const filmKeys = titleKeys(title);
    if (filmKeys.bare !== keys.bare) continue;
    const cost = yearCost + (filmKeys.exact === keys.exact ? 0 : 1);
    best = best === null ? cost : Math.min(best, cost);
  }
  return best;
}

/** The one closest film, or why there is none: a tie at the closest distance is never broken by guessing. */
export function closest(keys: TitleKeys, year: number | null, films: Iterable<MatchCandidate>): FilmMatch {
  let best: { cost: number; ids: Set<string> } | null = null;
  for (const film of films) {
    const cost = distance(keys, year, film);
    if (cost === null) continue;
    if (best === null || cost < best.cost) best = { cost, ids: new Set([film.id]) };
    else if (cost === best.cost) best.ids.add(film.id);
  }
  if (best === null) return { matched: false, reason: 'no-such-film', candidates: 0 };
  if (best.ids.size > 1) return { matched: false, reason: 'ambiguous', candidates: best.ids.size };
  return { matched: true, filmId: [...best.ids][0]!, by: 'title' };
}

interface TitleQuery {
  readonly index: number;
  readonly keys: TitleKeys;
  readonly year: number | null;
  readonly title: string;
  /** A row whose IMDb id the catalogue lacks may only match a film without one. */
  readonly withoutImdbId: boolean;
}

/**
 * Films by the bare key of their title and of their original title: only those can be at any
 * distance from a row, so each row is compared with a handful of films, not the whole group (a
 * 25,000-row export compared every row with every candidate of its ten years: 29 s; now under 1 s).
 */
function indexByBareTitle(films: readonly MatchCandidate[]): Map<string, MatchCandidate[]> {
  const index = new Map<string, MatchCandidate[]>();
  for (const film of films) {
    const keys = new Set(
      [film.title, film.originalTitle].flatMap((title) => (title === null ? [] : [titleKeys(title).bare])),
    );
    for (const key of keys) {
      const same = index.get(key);
      if (same) same.push(film);
      else index.set(key, [film]);
    }
  }
  return index;
}

/**
 * Matches rows of another source (a list, an export) to catalogue films: by IMDb id when the row
 * has one, else by title and year against title and original title. Works on a whole batch: one
 * statement per few thousand ids and one per ten row years, whatever the number of rows.
 */
export class FilmMatcher {
  constructor(private readonly db: Queryable) {}

  async match(requests: readonly FilmMatchRequest[]): Promise<FilmMatch[]> {
    const results: (FilmMatch | null)[] = requests.map(() => null);
    const byImdb = await this.filmsByImdbId(requests);
    const byTitle: TitleQuery[] = [];
    requests.forEach((request, index) => {
      const imdbId = request.imdbId?.trim().toLowerCase() || null;
      const filmId = imdbId === null ? undefined : byImdb.get(imdbId);
      if (filmId !== undefined) results[index] = { matched: true, filmId, by: 'imdb' };
      else if (request.title && titleKeys(request.title).bare !== '')
        byTitle.push({
          index,
          keys: titleKeys(request.title),
          year: request.year ?? null,
          title: request.title,
          withoutImdbId: imdbId !== null,
        });
      else
        results[index] =
          imdbId === null
            ? { matched: false, reason: 'nothing-to-match', candidates: 0 }
            : { matched: false, reason: 'no-such-film', candidates: 0 };
    });
    for (const [queries, films] of await this.candidates(byTitle)) {
      const byBareTitle = indexByBareTitle(films);
      for (const query of queries) {
        const sameTitle = byBareTitle.get(query.keys.bare) ?? [];
        const eligible = query.withoutImdbId ? sameTitle.filter((film) => film.imdbId === null) : sameTitle;
        results[query.index] = closest(query.keys, query.year, eligible);
      }
    }
    return results.map((result) => result ?? { matched: false, reason: 'no-such-film', candidates: 0 });
  }

  private async filmsByImdbId(requests: readonly FilmMatchRequest[]): Promise<Map<string, string>> {
    const ids = [
      ...new Set(
        requests
          .map((request) => request.imdbId?.trim().toLowerCase() ?? '')
          .filter((id) => IMDB_ID.test(id)),
      ),
    ];
    const found = new Map<string, string>();
    for (const chunk of chunks(ids, IDS_PER_STATEMENT)) {
      const { rows } = await this.db.query<{ id: string; imdb_id: string }>(
        `SELECT id, imdb_id FROM films WHERE imdb_id = ANY($1::text[])`,
        [chunk],
      );
      for (const row of rows) found.set(row.imdb_id, row.id);
    }
    return found;
  }

  /** Groups of title queries with the films any of them could match. */
  private async candidates(queries: readonly TitleQuery[]): Promise<[TitleQuery[], MatchCandidate[]][]> {
    const dated = queries.filter((query) => query.year !== null);
    const years = [...new Set(dated.map((query) => query.year!))].sort((a, b) => a - b);
    const groups: [TitleQuery[], MatchCandidate[]][] = [];
    for (const chunk of chunks(years, YEARS_PER_STATEMENT)) {
      const inChunk = new Set(chunk);
      const group = dated.filter((query) => inChunk.has(query.year!));
      groups.push([group, await this.filmsOfYears(chunk, group)]);
    }
    const undated = queries.filter((query) => query.year === null);
    if (undated.length > 0) groups.push([undated, await this.filmsWithWords(undated)]);
    return groups;
  }

  /**
   * Films of these years and the years either side, through the (year, title, id) index; only
   * those whose title could be one of the rows' are kept.
   */
  private async filmsOfYears(
    years: readonly number[],
    queries: readonly TitleQuery[],
  ): Promise<MatchCandidate[]> {
    const wanted = new Set(queries.map((query) => query.keys.bare));
    const { rows } = await this.db.query<CandidateRow>(
      `SELECT id, title, original_title, year, imdb_id FROM films
        WHERE year = ANY($1::int[])`,
      [[...new Set(years.flatMap((year) => [year - 1, year, year + 1]))]],
    );
    return rows
      .filter(
        (row) =>
          wanted.has(titleKeys(row.title).bare) ||
          (row.original_title !== null && wanted.has(titleKeys(row.original_title).bare)),
      )
      .map(toCandidate);
  }

  /** Rows without a year: films whose search text holds the title's longest word (trigram index). */
  private async filmsWithWords(queries: readonly TitleQuery[]): Promise<MatchCandidate[]> {
    const patterns = [...new Set(queries.map((query) => `%${longestWord(query.title)}%`))];
    const { rows } = await this.db.query<CandidateRow>(
      `SELECT DISTINCT f.id, f.title, f.original_title, f.year, f.imdb_id
         FROM unnest($1::text[]) AS p(pattern)
         JOIN LATERAL (SELECT id, title, original_title, year, imdb_id
                         FROM films WHERE search_text LIKE p.pattern) f ON true`,
      [patterns],
    );
    return rows.map(toCandidate);
  }
}
