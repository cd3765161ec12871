import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import { percentOf } from '../../domain/percent.js';
import type { FilmStats } from '../../film-log.response.js';

/** A film page's statistics: counts of marks and the favourite and dislike percents of checks. */
export class GetFilmStats extends Query<FilmStats> {
  constructor(readonly filmReference: string) {
    super();
  }
}

type Counts = Pick<FilmStats, 'checks' | 'favourites' | 'dislikes' | 'watchlists' | 'comments'>;

const NO_COUNTS: Counts = { checks: 0, favourites: 0, dislikes: 0, watchlists: 0, comments: 0 };

@QueryHandler(GetFilmStats)
export class GetFilmStatsHandler implements IQueryHandler<GetFilmStats> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
  ) {}

  async execute({ filmReference }: GetFilmStats): Promise<FilmStats> {
    const filmId = await this.films.idOf(filmReference);
    const { rows } = await this.pool.query<Counts>({
      name: 'film-log-stats',
      text: `SELECT checks, favourites, dislikes, watchlists, comments FROM film_stats WHERE film_id = $1`,
      values: [filmId],
    });
    const counts = rows[0] ?? NO_COUNTS;
    return {
      ...counts,
      favouritePercent: percentOf(counts.favourites, counts.checks),
      dislikePercent: percentOf(counts.dislikes, counts.checks),
    };
  }
}
