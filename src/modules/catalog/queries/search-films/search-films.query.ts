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
  type RelevanceTier,
  type TitleCursor,
} from './film-cursor.js';
import {
  exactTierStatement,
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

/** Validated parameters of GET /films, as the client sent them. */
export interface FilmSearch extends FilmFilters {
  readonly q?: string;
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

function cursorOf(search: FilmSearch, relevance: boolean): FilmCursor | null {
  if (search.cursor === undefined) return null;
  const cursor = decodeCursor(search.cursor);
  if (!cursor) throw badCursor('cursor must be a nextCursor given by this API');
  if ((cursor.kind === 'relevance') !== relevance) throw badCursor('cursor belongs to another search');
  return cursor;
}

@QueryHandler(SearchFilms)
export class SearchFilmsHandler implements IQueryHandler<SearchFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ search }: SearchFilms): Promise<FilmPage> {
    const terms = searchTermsOf(search.q);
    const cursor = cursorOf(search, terms !== null);
    return terms === null
      ? this.alphabetical(search, cursor as TitleCursor | null)
      : this.byRelevance(search, terms, cursor as RelevanceCursor | null);
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
