import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { pageOf, pageWindow, type Page, type PageRequest } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { FilmReferences } from '../../../catalog/films/film-references.js';
import type { FilmActivityItem } from '../../activity.response.js';
import { ACTIVITY_COLUMNS, AFTER_CURSOR, toFilmActivityItem, type ActivityRow } from '../activity-rows.js';

/** Who did what to a film, newest first. */
export class GetFilmActivity extends Query<Page<FilmActivityItem>> {
  constructor(
    readonly filmReference: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetFilmActivity)
export class GetFilmActivityHandler implements IQueryHandler<GetFilmActivity> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly films: FilmReferences,
  ) {}

  async execute({ filmReference, page }: GetFilmActivity): Promise<Page<FilmActivityItem>> {
    const { limit, from } = pageWindow(page);
    const filmId = await this.films.idOf(filmReference);
    const { rows } = await this.pool.query<ActivityRow>({
      name: 'activity-of-film',
      text: `WITH page AS (
               SELECT event_id, actor_id, verb, occurred_at, rating_half_stars FROM activity
               WHERE film_id = $1 AND ${AFTER_CURSOR('$2', '$3')}
               ORDER BY occurred_at DESC, event_id DESC LIMIT $4
             )
             SELECT ${ACTIVITY_COLUMNS}
             FROM page JOIN accounts ON accounts.id = page.actor_id
             ORDER BY page.occurred_at DESC, page.event_id DESC`,
      values: [filmId, from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toFilmActivityItem);
  }
}
