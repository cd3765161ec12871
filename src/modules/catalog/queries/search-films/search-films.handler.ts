import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { toFilm, type FilmRow } from '../../films/film-reader.js';
import { decodeCursor, encodeCursor, type FilmCursor } from './film-cursor.js';
import { SearchFilms, type FilmPage } from './search-films.query.js';
import { relevanceOrderStatement, searchTermsOf, titleOrderStatement } from './search-films.sql.js';

interface RankedRow extends FilmRow {
  score?: number;
  len?: number;
}

const badCursor = (message: string): InvalidInputException =>
  new InvalidInputException([{ field: 'cursor', message }]);

function cursorFor(search: SearchFilms['search'], relevance: boolean): FilmCursor | null {
  if (search.cursor === undefined) return null;
  const cursor = decodeCursor(search.cursor);
  if (!cursor) throw badCursor('cursor must be a nextCursor given by this API');
  if ((cursor.kind === 'relevance') !== relevance) throw badCursor('cursor belongs to another search');
  return cursor;
}

const nextCursorOf = (row: RankedRow, relevance: boolean): string =>
  encodeCursor(
    relevance
      ? { kind: 'relevance', score: row.score!, length: row.len!, id: row.id }
      : { kind: 'title', title: row.title, id: row.id },
  );

@QueryHandler(SearchFilms)
export class SearchFilmsHandler implements IQueryHandler<SearchFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ search }: SearchFilms): Promise<FilmPage> {
    const terms = searchTermsOf(search.q);
    const relevance = terms !== null;
    const cursor = cursorFor(search, relevance);
    const statement =
      terms !== null
        ? relevanceOrderStatement(search, terms, cursor as Extract<FilmCursor, { kind: 'relevance' }> | null)
        : titleOrderStatement(search, cursor as Extract<FilmCursor, { kind: 'title' }> | null);
    const { rows } = await this.pool.query<RankedRow>(statement);
    const page = rows.slice(0, search.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toFilm),
      nextCursor: rows.length > search.limit && last ? nextCursorOf(last, relevance) : null,
    };
  }
}
