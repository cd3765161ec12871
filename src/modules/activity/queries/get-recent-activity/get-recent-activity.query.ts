import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { FeedItem } from '../../activity.response.js';
import {
  ACTIVITY_COLUMNS,
  FILM_COLUMNS,
  toFeedItem,
  type ActivityRow,
  type FilmRow,
} from '../activity-rows.js';

/**
 * What members did lately across the site, newest first: the home page's sign of life. Activity
 * rows are public by construction (a hidden comment's row is withheld, a list's only while it is
 * public); members suspended now are left out, as their profile's words would be.
 */
export class GetRecentActivity extends Query<readonly FeedItem[]> {
  constructor(readonly limit: number) {
    super();
  }
}

/** Walks the newest rows by the site-wide index until enough are by members in good standing. */
const RECENT = `
  SELECT ${ACTIVITY_COLUMNS}, ${FILM_COLUMNS}
    FROM activity AS page
    JOIN accounts ON accounts.id = page.actor_id
    JOIN films ON films.id = page.film_id
    LEFT JOIN members ON members.user_id = page.actor_id
   WHERE NOT coalesce(members.status = 'suspended'
                      AND (members.suspended_until IS NULL OR members.suspended_until > now()), false)
   ORDER BY page.occurred_at DESC, page.event_id DESC
   LIMIT $1`;

@QueryHandler(GetRecentActivity)
export class GetRecentActivityHandler implements IQueryHandler<GetRecentActivity> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ limit }: GetRecentActivity): Promise<readonly FeedItem[]> {
    const { rows } = await this.pool.query<ActivityRow & FilmRow>({
      name: 'activity-recent',
      text: RECENT,
      values: [limit],
    });
    return rows.map(toFeedItem);
  }
}
