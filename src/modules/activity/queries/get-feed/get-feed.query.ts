import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { pageOf, pageWindow, type Page, type PageRequest } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { FeedItem } from '../../activity.response.js';
import {
  ACTIVITY_COLUMNS,
  AFTER_CURSOR,
  FILM_COLUMNS,
  toFeedItem,
  type ActivityRow,
  type FilmRow,
} from '../activity-rows.js';

/** What the members the reader follows did, newest first. */
export class GetFeed extends Query<Page<FeedItem>> {
  constructor(
    readonly readerId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

/**
 * Fan-out on read, in two passes over the actor index (which covers film and verb, so neither pass
 * reads the table). First each followee's newest row after the cursor (one index probe each), of
 * which the newest `limit` are kept; then a page from those followees only, merged and cut. It is
 * the same page as merging every followee's rows: a followee whose newest row is not among the
 * newest `limit` heads has `limit` rows of others above all of theirs. A follow or an unfollow
 * shows at once, and a page costs one probe per followee plus `limit` short ranges at any depth.
 */
const FEED = `
  WITH heads AS (
    SELECT follows.followee_id, head.occurred_at, head.event_id FROM follows
    CROSS JOIN LATERAL (
      SELECT occurred_at, event_id FROM activity
      WHERE actor_id = follows.followee_id AND ${AFTER_CURSOR('$2', '$3')}
      ORDER BY occurred_at DESC, event_id DESC LIMIT 1
    ) AS head
    WHERE follows.follower_id = $1
    ORDER BY head.occurred_at DESC, head.event_id DESC LIMIT $4
  ), page AS (
    SELECT recent.* FROM heads
    CROSS JOIN LATERAL (
      SELECT event_id, actor_id, film_id, verb, occurred_at, rating_half_stars FROM activity
      WHERE actor_id = heads.followee_id AND ${AFTER_CURSOR('$2', '$3')}
      ORDER BY occurred_at DESC, event_id DESC LIMIT $4
    ) AS recent
    ORDER BY recent.occurred_at DESC, recent.event_id DESC LIMIT $4
  )
  SELECT ${ACTIVITY_COLUMNS}, ${FILM_COLUMNS}
  FROM page
  JOIN accounts ON accounts.id = page.actor_id
  JOIN films ON films.id = page.film_id
  ORDER BY page.occurred_at DESC, page.event_id DESC`;

@QueryHandler(GetFeed)
export class GetFeedHandler implements IQueryHandler<GetFeed> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ readerId, page }: GetFeed): Promise<Page<FeedItem>> {
    const { limit, from } = pageWindow(page);
    const { rows } = await this.pool.query<ActivityRow & FilmRow>({
      name: 'activity-feed',
      text: FEED,
      values: [readerId, from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toFeedItem);
  }
}
