import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import { filmLogDecider, publicState, type FilmLogState } from '../../domain/film-log.decider.js';
import { fromHalfStars } from '../../domain/rating.js';

/** The member's marks on one film; a film never touched reads as no marks at all. */
export class GetFilmState extends Query<FilmLogState> {
  constructor(
    readonly userId: string,
    readonly filmReference: string,
  ) {
    super();
  }
}

interface StateRow {
  checked: boolean;
  checked_at: Date | null;
  watched_on: string | null;
  favourite: boolean;
  disliked: boolean;
  watchlisted: boolean;
  rating_half_stars: number | null;
  viewings: number;
}

@QueryHandler(GetFilmState)
export class GetFilmStateHandler implements IQueryHandler<GetFilmState> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
  ) {}

  async execute({ userId, filmReference }: GetFilmState): Promise<FilmLogState> {
    const filmId = await this.films.idOf(filmReference);
    const { rows } = await this.pool.query<StateRow>({
      name: 'film-log-state',
      text: `SELECT checked, checked_at, watched_on::text, favourite, disliked, watchlisted, rating_half_stars,
                    viewings
             FROM user_film_state WHERE user_id = $1 AND film_id = $2`,
      values: [userId, filmId],
    });
    const row = rows[0];
    if (!row) return publicState(filmLogDecider.initialState);
    return {
      checked: row.checked,
      checkedAt: row.checked_at?.toISOString() ?? null,
      watchedOn: row.watched_on,
      favourite: row.favourite,
      disliked: row.disliked,
      watchlisted: row.watchlisted,
      rating: fromHalfStars(row.rating_half_stars),
      viewings: row.viewings,
    };
  }
}
