import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { isUuid } from '../../../common/uuid.js';
import { QUERY_POOL } from '../../../platform/database/database.module.js';

/** Which of these reviews the member likes: the pressed state of the pages' like buttons. */
export class LikedReviews extends Query<ReadonlySet<string>> {
  constructor(
    readonly memberId: string,
    readonly reviewIds: readonly string[],
  ) {
    super();
  }
}

@QueryHandler(LikedReviews)
export class LikedReviewsHandler implements IQueryHandler<LikedReviews> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ memberId, reviewIds }: LikedReviews): Promise<ReadonlySet<string>> {
    const ids = reviewIds.filter(isUuid).map((id) => id.toLowerCase());
    if (ids.length === 0) return new Set();
    const { rows } = await this.pool.query<{ review_id: string }>({
      name: 'liked-reviews',
      text: `SELECT review_id FROM review_likes WHERE member_id = $1 AND review_id = ANY($2::uuid[])`,
      values: [memberId, ids],
    });
    return new Set(rows.map((row) => row.review_id));
  }
}
