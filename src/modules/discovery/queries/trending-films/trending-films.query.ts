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
import { utcDay, windowStart } from '../../domain/popularity-period.js';
import {
  TRENDING_EARLIER_DAYS,
  TRENDING_MIN_WEEK_MARKS,
  TRENDING_WEEK_DAYS,
  trendingScore,
} from '../../domain/trending.js';

export interface TrendingFilm {
  readonly film: Film;
  /** Marks made in the last 7 days. */
  readonly weekMarks: number;
  /** Marks made in the 23 days before those. */
  readonly earlierMarks: number;
  /** Marks ahead of the film's own pace this week (docs/api.md, Discovery). */
  readonly score: number;
}

/** Validated parameters of GET /films/trending. */
export interface TrendingFilmsSearch extends Omit<FilmFilters, 'year'> {
  readonly limit: number;
  readonly cursor?: string;
}

/** Films running ahead of their own pace this week, furthest first; `now` fixes which days count. */
export class TrendingFilms extends Query<Page<TrendingFilm>> {
  constructor(
    readonly search: TrendingFilmsSearch,
    readonly now: Date = new Date(),
  ) {
    super();
  }
}

/** Where the next page starts: the last film's excess (the score times 23, exact) and id. */
interface TrendingCursor {
  readonly excess: number;
  readonly id: string;
}

const CURSOR_KIND = 'trending';

function cursorOf(search: TrendingFilmsSearch): TrendingCursor | null {
  if (search.cursor === undefined) return null;
  const [kind, excess, id] = decodeCursorFields(search.cursor, 200) ?? [];
  const valid = kind === CURSOR_KIND && Number.isInteger(excess) && isCanonicalUuid(id);
  if (!valid) throw new InvalidInputException([{ field: 'cursor', message: CURSOR_MESSAGE }]);
  return { excess: excess as number, id };
}

/**
 * Each film's marks of this week and of the 23 days before, for films with enough marks this
 * week. When the counters end today they are two columns of the totals, the week's read by its
 * index; on a day with no mark yet they still end on the last day one was made, so both are summed
 * from the days table instead (as GET /films/popular does).
 */
function windowedSource(asOf: string | null, now: Date, params: SqlParameters): string {
  const least = params.add(TRENDING_MIN_WEEK_MARKS, 'int');
  if (asOf === utcDay(now)) {
    return `SELECT film_id, week_marks, month_marks - week_marks AS earlier_marks
              FROM film_popularity WHERE week_marks >= ${least}`;
  }
  const weekFrom = params.add(windowStart('week', now), 'date');
  return `SELECT film_id, week_marks, month_marks - week_marks AS earlier_marks
            FROM (SELECT film_id, coalesce(sum(marks) FILTER (WHERE day >= ${weekFrom}), 0)::int AS week_marks,
                         sum(marks)::int AS month_marks
                    FROM film_popularity_days
                   WHERE day BETWEEN ${params.add(windowStart('month', now), 'date')} AND ${params.add(utcDay(now), 'date')}
                   GROUP BY film_id) AS month
           WHERE week_marks >= ${least}`;
}

/** Furthest ahead first, then by film id, with the cursor a seek past the last pair. */
function statement(
  search: TrendingFilmsSearch,
  cursor: TrendingCursor | null,
  asOf: string | null,
  now: Date,
) {
  const params = new SqlParameters();
  const windowed = windowedSource(asOf, now, params);
  const excess = `${TRENDING_EARLIER_DAYS} * w.week_marks - ${TRENDING_WEEK_DAYS} * w.earlier_marks`;
  const conditions = [`(${excess}) > 0`, ...filmFilterConditions(search, params)];
  if (cursor) {
    conditions.push(
      `(${excess}, w.film_id) < (${params.add(cursor.excess, 'int')}, ${params.add(cursor.id, 'uuid')})`,
    );
  }
  const limit = params.add(search.limit + 1, 'int');
  return {
    text: `WITH page AS (
             SELECT w.film_id, w.week_marks, w.earlier_marks, ${excess} AS excess
               FROM (${windowed}) AS w JOIN films f ON f.id = w.film_id
              WHERE ${conditions.join(' AND ')}
              ORDER BY excess DESC, w.film_id DESC
              LIMIT ${limit}
           )
           SELECT ${filmColumns('f')}, page.week_marks, page.earlier_marks, page.excess
             FROM page JOIN films f ON f.id = page.film_id
            ORDER BY page.excess DESC, page.film_id DESC`,
    values: params.values,
  };
}

type TrendingRow = FilmRow & { week_marks: number; earlier_marks: number; excess: number };

@QueryHandler(TrendingFilms)
export class TrendingFilmsHandler implements IQueryHandler<TrendingFilms> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ search, now }: TrendingFilms): Promise<Page<TrendingFilm>> {
    const cursor = cursorOf(search);
    const { rows: clock } = await this.pool.query<{ as_of: string }>(
      `SELECT as_of::text FROM popularity_clock`,
    );
    const { rows } = await this.pool.query<TrendingRow>(
      statement(search, cursor, clock[0]?.as_of ?? null, now),
    );
    const shown = rows.slice(0, search.limit);
    const last = shown.at(-1);
    return {
      items: shown.map((row) => ({
        film: toFilm(row),
        weekMarks: row.week_marks,
        earlierMarks: row.earlier_marks,
        score: trendingScore(row.week_marks, row.earlier_marks),
      })),
      nextCursor:
        rows.length > search.limit && last ? encodeCursorFields([CURSOR_KIND, last.excess, last.id]) : null,
    };
  }
}
