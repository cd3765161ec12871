import { kebab, normaliseText } from '../../domain/normalise.js';
import { filmColumns } from '../../films/film-reader.js';
import type { FilmCursor } from './film-cursor.js';
import type { FilmSearch } from './search-films.query.js';

export interface SearchStatement {
  readonly text: string;
  readonly values: unknown[];
}

/** Parameters are numbered as they are added, so only the filters given appear in the SQL. */
class Parameters {
  readonly values: unknown[] = [];

  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/** Each filter is one indexed condition: btree on year, GIN on the arrays. */
function filterConditions(search: FilmSearch, params: Parameters): string[] {
  const conditions: string[] = [];
  if (search.year !== undefined) conditions.push(`f.year = ${params.add(search.year, 'int')}`);
  if (search.genre !== undefined)
    conditions.push(`f.genres @> ARRAY[${params.add(kebab(search.genre), 'text')}]`);
  if (search.language !== undefined)
    conditions.push(`f.languages @> ARRAY[${params.add(search.language.toLowerCase(), 'text')}]`);
  if (search.country !== undefined)
    conditions.push(`f.countries @> ARRAY[${params.add(search.country.toUpperCase(), 'text')}]`);
  return conditions;
}

const where = (conditions: readonly string[]): string =>
  conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

/** The normalised words of q, or null when q has none (then the listing is alphabetical). */
export const searchTermsOf = (q: string | undefined): string | null => {
  const terms = q === undefined ? '' : normaliseText(q);
  return terms === '' ? null : terms;
};

/**
 * Alphabetical listing, seeking past the cursor on the (title, id) index, or on the
 * (year, title, id) index when the year is fixed.
 */
export function titleOrderStatement(
  search: FilmSearch,
  cursor: Extract<FilmCursor, { kind: 'title' }> | null,
): SearchStatement {
  const params = new Parameters();
  const conditions = filterConditions(search, params);
  if (cursor) {
    conditions.push(
      `(f.title, f.id) > (${params.add(cursor.title, 'text')}, ${params.add(cursor.id, 'uuid')})`,
    );
  }
  const limit = params.add(search.limit + 1, 'int');
  return {
    text: `SELECT ${filmColumns('f')} FROM films f ${where(conditions)} ORDER BY f.title, f.id LIMIT ${limit}`,
    values: params.values,
  };
}

/** After the cursor in (score DESC, len, id) order. */
function relevanceSeek(cursor: Extract<FilmCursor, { kind: 'relevance' }>, params: Parameters): string {
  const score = params.add(cursor.score, 'real');
  const length = params.add(cursor.length, 'int');
  const id = params.add(cursor.id, 'uuid');
  return `WHERE m.score < ${score} OR (m.score = ${score} AND (m.len, m.id) > (${length}, ${id}))`;
}

/**
 * Films whose search text holds words like q's (pg_trgm word similarity through the GIN trigram
 * index; the operator's threshold is pg_trgm.word_similarity_threshold, 0.6 by default), best
 * first. Credits and reviews are read for the page only.
 */
export function relevanceOrderStatement(
  search: FilmSearch,
  terms: string,
  cursor: Extract<FilmCursor, { kind: 'relevance' }> | null,
): SearchStatement {
  const params = new Parameters();
  const q = params.add(terms, 'text');
  const conditions = [`${q} <% f.search_text`, ...filterConditions(search, params)];
  const seek = cursor ? relevanceSeek(cursor, params) : '';
  const limit = params.add(search.limit + 1, 'int');
  return {
    text: `
      WITH page AS (
        SELECT m.id, m.score, m.len FROM (
          SELECT f.id, word_similarity(${q}, f.search_text) AS score, length(f.search_text) AS len
            FROM films f ${where(conditions)}
        ) m
        ${seek}
        ORDER BY m.score DESC, m.len, m.id
        LIMIT ${limit}
      )
      SELECT ${filmColumns('f')}, page.score, page.len
        FROM page JOIN films f ON f.id = page.id
       ORDER BY page.score DESC, page.len, page.id`,
    values: params.values,
  };
}
