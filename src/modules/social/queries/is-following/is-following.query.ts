import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';

/** Whether one member follows another now: the state a Follow / Unfollow button shows. */
export class IsFollowing extends Query<boolean> {
  constructor(
    readonly followerId: string,
    readonly followeeId: string,
  ) {
    super();
  }
}

@QueryHandler(IsFollowing)
export class IsFollowingHandler implements IQueryHandler<IsFollowing> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ followerId, followeeId }: IsFollowing): Promise<boolean> {
    // The follows primary key: one index probe.
    const { rows } = await this.pool.query<{ following: boolean }>({
      name: 'social-is-following',
      text: `SELECT EXISTS (SELECT 1 FROM follows WHERE follower_id = $1 AND followee_id = $2) AS following`,
      values: [followerId, followeeId],
    });
    return rows[0]?.following === true;
  }
}
