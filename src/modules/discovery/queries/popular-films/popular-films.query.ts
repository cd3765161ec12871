import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { InvalidInputException } from '../../../../common/invalid-input.exception.js';
import { decodeCursorFields, encodeCursorFields, type Page } from '../../../../common/paging/index.js';
import { CURSOR_MESSAGE } from '../../../../common/paging/page.js';
import { isCanonicalUuid } from '../../../../common/uuid.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import {
  SqlParameters,
  filmFilterConditions,
  type FilmFilters,
} from '../../../catalog/films/film-filter-sql.js';
import { filmColumns, toFilm, type FilmRow } from '../../../catalog/films/film-reader.js';
import type { Film } from '../../../catalog/films/film.js';
import { utcDay, windowStart, type PopularityPeriod } from '../../domain/popularity-period.js';
import { WINDOW_COLUMNS } from '../../projections/popularity.projection.js';

export interface PopularFilm {
  readonly film: Film;
  /** Marks (checks, favourites, watchlist entries) members hold on it, made within the period. */
  readonly marks: number;
}

/** Validated parameters of GET /films/popular. */
export interface PopularFilmsSearch extends Omit<FilmFilters, 'year'> {
  readonly period: PopularityPeriod;
  readonly limit: number;
  readonly cursor?: string;
}

/** The most marked films of a period, most first; `now` fixes which days the period spans. */
export class PopularFilms extends Query<Page<PopularFilm>> {
  constructor(
    readonly search: PopularFilmsSearch,
    readonly now: Date = new Date(),
  ) {
    super();
  }
}

/** Where the next page starts: the last film's marks and id, in the period it was given for. */
interface PopularCursor {
  readonly period: PopularityPeriod;
  readonly marks: number;
  readonly id: string;
}

function cursorOf(search: PopularFilmsSearch): PopularCursor | null {
  if (search.cursor === undefined) return null;
  const [period, marks, id] = decodeCursorFields(search.cursor, 200) ?? [];
  const valid = period === search.period && Number.isInteger(marks) && isCanonicalUuid(id);
  if (!valid) throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
  return { period: search.period, marks: marks as number, id };
}

/**
 * Where a period's counts come from. All time, and a window whose counters end today (a mark was
 * made today), are a column of the films' totals, read by its index. On a day with no mark yet the
 * counters still end on the last day one was made, so the window is summed from the days table.
 */
function rankedSource(
  period: PopularityPeriod,
  asOf: string | null,
  now: Date,
  params: SqlParameters,
): string {
  if (period === 'all') return `SELECT film_id, marks FROM film_popularity`;
  if (asOf === utcDay(now)) return `SELECT film_id, ${WINDOW_COLUMNS[period]} AS marks FROM film_popularity`;
  return `SELECT film_id, sum(marks)::int AS marks FROM film_popularity_days
           WHERE day BETWEEN ${params.add(windowStart(period, now), 'date')} AND ${params.add(utcDay(now), 'date')}
           GROUP BY film_id`;
}

/** Most marks first, then by film id, with the cursor a seek past the last pair. */
function statement(search: PopularFilmsSearch, cursor: PopularCursor | null, asOf: string | null, now: Date) {
  const params = new SqlParameters();
  const ranked = rankedSource(search.period, asOf, now, params);
  const conditions = ['ranked.marks > 0', ...filmFilterConditions(search, params)];
  if (cursor) {
    conditions.push(
      `(ranked.marks, ranked.film_id) < (${params.add(cursor.marks, 'int')}, ${params.add(cursor.id, 'uuid')})`,
    );
  }
  const limit = params.add(search.limit + 1, 'int');
  // The page is chosen first; only its films are then read whole (credits, reviews, poster).
  return {
    text: `WITH page AS (
             SELECT ranked.film_id, ranked.marks
               FROM (${ranked}) AS ranked JOIN films f ON f.id = ranked.film_id
              WHERE ${conditions.join(' AND ')}
              ORDER BY ranked.marks DESC, ranked.film_id DESC
              LIMIT ${limit}
           )
           SELECT ${filmColumns('f')}, page.marks
             FROM page JOIN films f ON f.id = page.film_id
            ORDER BY page.marks DESC, page.film_id DESC`,
    values: params.values,
  };
}

@QueryHandler(PopularFilms)
export class PopularFilmsHandler implements IQueryHandler<PopularFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ search, now }: PopularFilms): Promise<Page<PopularFilm>> {
    const cursor = cursorOf(search);
    const asOf =
      search.period === 'all'
        ? null
        : ((await this.pool.query<{ as_of: string }>(`SELECT as_of::text FROM popularity_clock`)).rows[0]
            ?.as_of ?? null);
    const { rows } = await this.pool.query<FilmRow & { marks: number }>(statement(search, cursor, asOf, now));
    const shown = rows.slice(0, search.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) => ({ film: toFilm(row), marks: row.marks })),
      nextCursor:
        rows.length > search.limit && last ? encodeCursorFields([search.period, last.marks, last.id]) : null,
    };
  }
}
