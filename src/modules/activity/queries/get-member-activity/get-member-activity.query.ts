import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { pageOf, pageWindow, type Page, type PageRequest } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { FeedItem } from '../../activity.response.js';
import { Members } from '../../../social/members/members.js';
import {
  ACTIVITY_COLUMNS,
  AFTER_CURSOR,
  FILM_COLUMNS,
  toFeedItem,
  type ActivityRow,
  type FilmRow,
} from '../activity-rows.js';

/** What one member did, newest first, as feed items. */
export class GetMemberActivity extends Query<Page<FeedItem>> {
  constructor(
    readonly username: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetMemberActivity)
export class GetMemberActivityHandler implements IQueryHandler<GetMemberActivity> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  async execute({ username, page }: GetMemberActivity): Promise<Page<FeedItem>> {
    const { limit, from } = pageWindow(page);
    const actorId = (await this.members.byUsername(username)).id;
    const { rows } = await this.pool.query<ActivityRow & FilmRow>({
      name: 'activity-of-member',
      text: `WITH page AS (
               SELECT event_id, actor_id, film_id, verb, occurred_at, rating_half_stars FROM activity
               WHERE actor_id = $1 AND ${AFTER_CURSOR('$2', '$3')}
               ORDER BY occurred_at DESC, event_id DESC LIMIT $4
             )
             SELECT ${ACTIVITY_COLUMNS}, ${FILM_COLUMNS}
             FROM page
             JOIN accounts ON accounts.id = page.actor_id
             JOIN films ON films.id = page.film_id
             ORDER BY page.occurred_at DESC, page.event_id DESC`,
      values: [actorId, from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toFeedItem);
  }
}
