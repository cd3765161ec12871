import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { toFilm, type FilmRow } from '../../films/film-reader.js';
import {
  decodeCursor,
  encodeCursor,
  type FilmCursor,
  type RelevanceCursor,
  type RelevanceTier,
  type TitleCursor,
} from './film-cursor.js';
import { SearchFilms, type FilmPage, type FilmSearch } from './search-films.query.js';
import {
  exactTierStatement,
  searchTermsOf,
  similarTierStatement,
  titleOrderStatement,
  type SearchStatement,
  type SearchTerms,
} from './search-films.sql.js';

interface RankedRow extends FilmRow {
  score: number;
  len: number;
}

interface TieredRow {
  readonly row: RankedRow;
  readonly tier: RelevanceTier;
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

  /** Exact matches first; similar ones only once the exact tier runs out within this page. */
  private async byRelevance(
    search: FilmSearch,
    terms: SearchTerms,
    cursor: RelevanceCursor | null,
  ): Promise<FilmPage> {
    const wanted = search.limit + 1;
    const rows: TieredRow[] = [];
    if (cursor?.tier !== 'similar') {
      const exact = exactTierStatement(search, terms, cursor, wanted);
      if (exact) rows.push(...(await this.rows(exact)).map((row) => ({ row, tier: 'exact' as const })));
    }
    if (rows.length < wanted) {
      const similarCursor = cursor?.tier === 'similar' ? cursor : null;
      const similar = similarTierStatement(search, terms, similarCursor, wanted - rows.length);
      rows.push(...(await this.rows(similar)).map((row) => ({ row, tier: 'similar' as const })));
    }
    const page = rows.slice(0, search.limit);
    const last = page.at(-1);
    const more = rows.length > search.limit && last;
    return {
      items: page.map(({ row }) => toFilm(row)),
      nextCursor: more
        ? encodeCursor({
            kind: 'relevance',
            tier: last.tier,
            score: last.row.score,
            length: last.row.len,
            id: last.row.id,
          })
        : null,
    };
  }

  private async rows(statement: SearchStatement): Promise<RankedRow[]> {
    return (await this.pool.query<RankedRow>(statement)).rows;
  }
}
