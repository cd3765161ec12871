import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import { percentOf } from '../../domain/percent.js';
import { averageRating } from '../../domain/rating.js';
import { RATING_BUCKET_COLUMNS } from '../../projections/mark-counts.js';
import type { FilmStats } from '../../film-log.response.js';

/** A film page's statistics: counts of marks and the favourite and dislike percents of checks. */
export class GetFilmStats extends Query<FilmStats> {
  constructor(readonly filmReference: string) {
    super();
  }
}

type Counts = Pick<FilmStats, 'checks' | 'favourites' | 'dislikes' | 'watchlists' | 'comments'> & {
  ratings: number;
  rating_half_stars: number;
  histogram: number[];
};

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
      // No row yet reads as zeros; visible comments are counted by the comments projection.
      text: `SELECT coalesce(stats.checks, 0) AS checks, coalesce(stats.favourites, 0) AS favourites,
                    coalesce(stats.dislikes, 0) AS dislikes, coalesce(stats.watchlists, 0) AS watchlists,
                    coalesce(comments.comments, 0) AS comments,
                    coalesce(stats.ratings, 0) AS ratings,
                    coalesce(stats.rating_half_stars, 0) AS rating_half_stars,
                    ARRAY[${RATING_BUCKET_COLUMNS.map((column) => `coalesce(stats.${column}, 0)`).join(', ')}] AS histogram
             FROM (SELECT $1::uuid AS film_id) AS film
             LEFT JOIN film_stats AS stats ON stats.film_id = film.film_id
             LEFT JOIN film_comment_counts AS comments ON comments.film_id = film.film_id`,
      values: [filmId],
    });
    const { ratings, rating_half_stars: halfStars, histogram, ...counts } = rows[0]!;
    return {
      ...counts,
      favouritePercent: percentOf(counts.favourites, counts.checks),
      dislikePercent: percentOf(counts.dislikes, counts.checks),
      ratings: { count: ratings, average: averageRating(halfStars, ratings), histogram },
    };
  }
}
