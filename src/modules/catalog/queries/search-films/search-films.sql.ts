import { normaliseText } from '../../domain/normalise.js';
import { SqlParameters, filmFilterConditions } from '../../films/film-filter-sql.js';
import { filmColumns } from '../../films/film-reader.js';
import type { RelevanceCursor, ReleaseCursor, TitleCursor } from './film-cursor.js';
import type { FilmSearch } from './search-films.query.js';

export interface SearchStatement {
  /** Set when the plan does not hinge on the values: the statement is then prepared once per connection. */
  readonly name?: string;
  readonly text: string;
  readonly values: unknown[];
}

/**
 * How often a genre, language or country occurs decides between walking the title index and
 * sorting the GIN matches; a plan prepared once could not tell, so those statements are planned
 * every time. The other shapes are named after everything that changes their text.
 */
function statementName(
  kind: string,
  search: FilmSearch,
  parts: readonly (string | number | boolean)[],
): string | undefined {
  if (search.genre !== undefined || search.language !== undefined || search.country !== undefined)
    return undefined;
  return ['catalog', kind, search.year !== undefined, search.decade !== undefined, ...parts].join('-');
}

const hasArrayFilter = (search: FilmSearch): boolean =>
  search.genre !== undefined || search.language !== undefined || search.country !== undefined;

/**
 * The planner may walk the title index expecting a genre, language or country to turn up soon;
 * when no film has it, that walk visits every film in random order. This uncorrelated EXISTS is
 * evaluated once and gates the walk: it stops at the first match, and reads the table at most
 * once, sequentially, when there is none.
 */
function anyFilmMatches(search: FilmSearch, params: SqlParameters): string {
  return `EXISTS (SELECT 1 FROM films probe WHERE ${filmFilterConditions(search, params, 'probe').join(' AND ')})`;
}

const where = (conditions: readonly string[]): string =>
  conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

/** What q searches for: its normalised text and its words. */
export interface SearchTerms {
  readonly text: string;
  /** Words long enough to have a trigram, so the GIN index can find them by substring. */
  readonly indexableWords: readonly string[];
}

const MIN_INDEXABLE_LENGTH = 3;

/** The terms of q, or null when q has no words (then the listing is alphabetical). */
export function searchTermsOf(q: string | undefined): SearchTerms | null {
  const text = q === undefined ? '' : normaliseText(q);
  if (text === '') return null;
  const words = [...new Set(text.split(' '))];
  return { text, indexableWords: words.filter((word) => word.length >= MIN_INDEXABLE_LENGTH) };
}

const likeEscaped = (word: string): string => word.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Alphabetical listing, seeking past the cursor on the (title, id) index, or on the
 * (year, title, id) index when the year is fixed.
 */
export function titleOrderStatement(search: FilmSearch, cursor: TitleCursor | null): SearchStatement {
  const params = new SqlParameters();
  const conditions = filmFilterConditions(search, params);
  if (hasArrayFilter(search)) conditions.push(anyFilmMatches(search, params));
  if (cursor) {
    conditions.push(
      `(f.title, f.id) > (${params.add(cursor.title, 'text')}, ${params.add(cursor.id, 'uuid')})`,
    );
  }
  const limit = params.add(search.limit + 1, 'int');
  return {
    name: statementName('title', search, [cursor !== null]),
    text: `SELECT ${filmColumns('f')} FROM films f ${where(conditions)} ORDER BY f.title, f.id LIMIT ${limit}`,
    values: params.values,
  };
}

/**
 * The key of the newest-first order as films_release_idx holds it: the year negated, so one
 * ascending index and one row comparison serve it, with films without a year (key 0) last.
 */
const RELEASE_KEY = '-coalesce(f.year, 0)';

/** Newest first, then alphabetical within a year, seeking past the cursor on films_release_idx. */
export function releaseOrderStatement(search: FilmSearch, cursor: ReleaseCursor | null): SearchStatement {
  const params = new SqlParameters();
  const conditions = filmFilterConditions(search, params);
  // The year and decade again as a range of the index's key, so the walk starts at their films.
  if (search.year !== undefined) conditions.push(`${RELEASE_KEY} = ${params.add(-search.year, 'int')}`);
  if (search.decade !== undefined) {
    const [newest, oldest] = [params.add(-(search.decade + 9), 'int'), params.add(-search.decade, 'int')];
    conditions.push(`${RELEASE_KEY} BETWEEN ${newest} AND ${oldest}`);
  }
  if (hasArrayFilter(search)) conditions.push(anyFilmMatches(search, params));
  if (cursor) {
    const key = params.add(cursor.year === null ? 0 : -cursor.year, 'int');
    conditions.push(
      `(${RELEASE_KEY}, f.title, f.id) > (${key}, ${params.add(cursor.title, 'text')}, ${params.add(cursor.id, 'uuid')})`,
    );
  }
  const limit = params.add(search.limit + 1, 'int');
  return {
    name: statementName('release', search, [cursor !== null]),
    text: `SELECT ${filmColumns('f')} FROM films f ${where(conditions)}
           ORDER BY ${RELEASE_KEY}, f.title, f.id LIMIT ${limit}`,
    values: params.values,
  };
}

/** Every indexable word of q inside the search text: trigram GIN lookups with a cheap recheck. */
function containsEveryWord(terms: SearchTerms, params: SqlParameters): string[] {
  return terms.indexableWords.map(
    (word) => `f.search_text LIKE ${params.add(`%${likeEscaped(word)}%`, 'text')}`,
  );
}

/** How many words of q start a word of the search text: "paris" ranks "Paris" above "Parisienne". */
function wordStarts(terms: SearchTerms, params: SqlParameters): string {
  const starts = terms.indexableWords.map((word) => {
    const escaped = likeEscaped(word);
    return `(f.search_text LIKE ${params.add(`${escaped}%`, 'text')} OR f.search_text LIKE ${params.add(`% ${escaped}%`, 'text')})::int`;
  });
  return starts.join(' + ');
}

/** After the cursor in (score DESC, len, id) order. */
function seek(cursor: RelevanceCursor | null, scoreType: 'int' | 'real', params: SqlParameters): string {
  if (!cursor) return '';
  const score = params.add(cursor.score, scoreType);
  const length = params.add(cursor.length, 'int');
  const id = params.add(cursor.id, 'uuid');
  return `WHERE m.score < ${score} OR (m.score = ${score} AND (m.len, m.id) > (${length}, ${id}))`;
}

/** Ranks the matches, keeps one page of them, then reads the page's credits and reviews. */
function rankedPage(matches: string, cursorSeek: string, limit: string): string {
  return `
    WITH page AS (
      SELECT m.id, m.score, m.len FROM (${matches}) m
      ${cursorSeek}
      ORDER BY m.score DESC, m.len, m.id
      LIMIT ${limit}
    )
    SELECT ${filmColumns('f')}, page.score, page.len
      FROM page JOIN films f ON f.id = page.id
     ORDER BY page.score DESC, page.len, page.id`;
}

/**
 * First tier of a search: films whose search text holds every word of q, whole or in part.
 * Null when q has no word long enough to look up this way.
 */
export function exactTierStatement(
  search: FilmSearch,
  terms: SearchTerms,
  cursor: RelevanceCursor | null,
  limit: number,
): SearchStatement | null {
  if (terms.indexableWords.length === 0) return null;
  const params = new SqlParameters();
  const score = wordStarts(terms, params);
  const conditions = [...containsEveryWord(terms, params), ...filmFilterConditions(search, params)];
  const matches = `SELECT f.id, ${score} AS score, length(f.search_text) AS len FROM films f ${where(conditions)}`;
  const cursorSeek = seek(cursor, 'int', params);
  return {
    name: statementName('exact', search, [terms.indexableWords.length, cursor !== null]),
    text: rankedPage(matches, cursorSeek, params.add(limit, 'int')),
    values: params.values,
  };
}

/**
 * Second tier, for a q whose words no film holds all of: films whose search text holds words like
 * q's (pg_trgm word similarity through the same GIN index; the threshold is
 * pg_trgm.word_similarity_threshold, 0.6 by default), most similar first. Typos land here.
 */
export function similarTierStatement(
  search: FilmSearch,
  terms: SearchTerms,
  cursor: RelevanceCursor | null,
  limit: number,
): SearchStatement {
  const params = new SqlParameters();
  const q = params.add(terms.text, 'text');
  const conditions = [`${q} <% f.search_text`, ...filmFilterConditions(search, params)];
  const matches = `SELECT f.id, word_similarity(${q}, f.search_text) AS score, length(f.search_text) AS len
    FROM films f ${where(conditions)}`;
  const cursorSeek = seek(cursor, 'real', params);
  return {
    name: statementName('similar', search, [cursor !== null]),
    text: rankedPage(matches, cursorSeek, params.add(limit, 'int')),
    values: params.values,
  };
}
