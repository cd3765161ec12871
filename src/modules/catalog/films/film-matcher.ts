import { chunks } from '../../../common/chunks.js';
import type { Queryable } from './film-reader.js';
import { titleKeys, type TitleKeys } from './film-title-key.js';

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

const IDS_PER_STATEMENT = 5_000;
const KEYS_PER_STATEMENT = 5_000;

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
  /** A row whose IMDb id the catalogue lacks may only match a film without one. */
  readonly withoutImdbId: boolean;
}

/**
 * Matches rows of another source (a list, an export) to catalogue films: by IMDb id when the row
 * has one, else by title and year against title and original title. Works on a whole batch: one
 * statement per few thousand ids and one per few thousand distinct titles, whatever the number of
 * rows. Only the films that share a row's title key are read (the films table stores and indexes
 * the keys), so a row is compared with a handful of films, not with every film of its years.
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
      const keys = filmId === undefined && request.title ? titleKeys(request.title) : null;
      if (filmId !== undefined) results[index] = { matched: true, filmId, by: 'imdb' };
      else if (keys !== null && keys.bare !== '')
        byTitle.push({ index, keys, year: request.year ?? null, withoutImdbId: imdbId !== null });
      else
        results[index] =
          imdbId === null
            ? { matched: false, reason: 'nothing-to-match', candidates: 0 }
            : { matched: false, reason: 'no-such-film', candidates: 0 };
    });
    const byBareTitle = await this.filmsByTitleKey(byTitle.map((query) => query.keys.bare));
    for (const query of byTitle) {
      const sameTitle = byBareTitle.get(query.keys.bare) ?? [];
      const eligible = query.withoutImdbId ? sameTitle.filter((film) => film.imdbId === null) : sameTitle;
      results[query.index] = closest(query.keys, query.year, eligible);
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

  /** The films whose title or original title has one of these keys, by key. */
  private async filmsByTitleKey(keys: readonly string[]): Promise<Map<string, MatchCandidate[]>> {
    const byKey = new Map<string, MatchCandidate[]>();
    for (const chunk of chunks([...new Set(keys)], KEYS_PER_STATEMENT)) {
      const { rows } = await this.db.query<
        CandidateRow & { title_key: string; original_title_key: string | null }
      >(
        `SELECT id, title, original_title, year, imdb_id, title_key, original_title_key FROM films
          WHERE title_key = ANY($1::text[]) OR original_title_key = ANY($1::text[])`,
        [chunk],
      );
      for (const row of rows) {
        const film = toCandidate(row);
        for (const key of [row.title_key, row.original_title_key]) {
          if (key === null) continue;
          const same = byKey.get(key);
          if (same) same.push(film);
          else byKey.set(key, [film]);
        }
      }
    }
    return byKey;
  }
}
