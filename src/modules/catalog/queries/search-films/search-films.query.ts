import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { FilmFilters } from '../../films/film-filter-sql.js';
import { toFilm, type FilmRow } from '../../films/film-reader.js';
import type { Film } from '../../films/film.js';
import {
  decodeCursor,
  encodeCursor,
  type FilmCursor,
  type RelevanceCursor,
  type ReleaseCursor,
  type RelevanceTier,
  type TitleCursor,
} from './film-cursor.js';
import {
  exactTierStatement,
  releaseOrderStatement,
  searchTermsOf,
  similarTierStatement,
  titleOrderStatement,
  type SearchStatement,
  type SearchTerms,
} from './search-films.sql.js';

export interface FilmPage {
  readonly items: readonly Film[];
  readonly nextCursor: string | null;
}

/** The orders of a listing without q; with q, films come best match first. */
export const FILM_SORTS = ['title', 'release'] as const;
export type FilmSort = (typeof FILM_SORTS)[number];

/** Validated parameters of GET /films, as the client sent them. */
export interface FilmSearch extends FilmFilters {
  readonly q?: string;
  /** Without q only; alphabetical when left out. */
  readonly sort?: FilmSort;
  readonly limit: number;
  readonly cursor?: string;
}

export class SearchFilms extends Query<FilmPage> {
  constructor(readonly search: FilmSearch) {
    super();
  }
}

interface RankedRow extends FilmRow {
  score: number;
  len: number;
}

const badCursor = (message: string): InvalidInputException =>
  new InvalidInputException([{ field: 'cursor', message }]);

function cursorOf(search: FilmSearch, kind: FilmCursor['kind']): FilmCursor | null {
  if (search.cursor === undefined) return null;
  const cursor = decodeCursor(search.cursor);
  if (!cursor) throw badCursor('cursor must be a nextCursor given by this API');
  if (cursor.kind !== kind) throw badCursor('cursor belongs to another search');
  return cursor;
}

@QueryHandler(SearchFilms)
export class SearchFilmsHandler implements IQueryHandler<SearchFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ search }: SearchFilms): Promise<FilmPage> {
    const terms = searchTermsOf(search.q);
    if (terms !== null && search.sort !== undefined)
      throw new InvalidInputException([
        { field: 'sort', message: 'sort orders a listing without q; with q the best matches come first' },
      ]);
    const cursor = cursorOf(search, terms === null ? (search.sort ?? 'title') : 'relevance');
    if (terms !== null) return this.byRelevance(search, terms, cursor as RelevanceCursor | null);
    return search.sort === 'release'
      ? this.byRelease(search, cursor as ReleaseCursor | null)
      : this.alphabetical(search, cursor as TitleCursor | null);
  }

  private async byRelease(search: FilmSearch, cursor: ReleaseCursor | null): Promise<FilmPage> {
    const { rows } = await this.pool.query<FilmRow>(releaseOrderStatement(search, cursor));
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    const more = rows.length > search.limit && last;
    return {
      items: page.map(toFilm),
      nextCursor: more
        ? encodeCursor({ kind: 'release', year: last.year, title: last.title, id: last.id })
        : null,
    };
  }

  private async alphabetical(search: FilmSearch, cursor: TitleCursor | null): Promise<FilmPage> {
    const { rows } = await this.pool.query<FilmRow>(titleOrderStatement(search, cursor));
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    const more = rows.length > search.limit && last;
    return {
      items: page.map(toFilm),
      nextCursor: more ? encodeCursor({ kind: 'title', title: last.title, id: last.id }) : null,
    };
  }

  /**
   * Films holding every word of q; only when there is none, films with similar words (typos).
   * A page therefore comes from one tier, and a cursor stays in the tier it was given in.
   */
  private async byRelevance(
    search: FilmSearch,
    terms: SearchTerms,
    cursor: RelevanceCursor | null,
  ): Promise<FilmPage> {
    const wanted = search.limit + 1;
    let tier: RelevanceTier = cursor?.tier ?? 'exact';
    let rows: RankedRow[] = [];
    if (tier === 'exact') {
      const exact = exactTierStatement(search, terms, cursor, wanted);
      if (exact) rows = await this.rows(exact);
      if (rows.length === 0 && !cursor) tier = 'similar';
    }
    if (tier === 'similar') rows = await this.rows(similarTierStatement(search, terms, cursor, wanted));
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    const more = rows.length > search.limit && last;
    return {
      items: page.map(toFilm),
      nextCursor: more
        ? encodeCursor({ kind: 'relevance', tier, score: last.score, length: last.len, id: last.id })
        : null,
    };
  }

  private async rows(statement: SearchStatement): Promise<RankedRow[]> {
    return (await this.pool.query<RankedRow>(statement)).rows;
  }
}
