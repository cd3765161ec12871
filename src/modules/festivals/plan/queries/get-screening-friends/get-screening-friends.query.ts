import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import { visibleListCondition } from '../../../../lists/queries/list-visibility.js';
import { ScreeningNotFound } from '../../../programme/programme-errors.js';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import type { ScreeningFriends } from '../../plan.response.js';

/** The members the reader follows whose plan, visible to the reader, holds the screening. */
export class GetScreeningFriends extends Query<ScreeningFriends> {
  constructor(
    readonly screeningId: string,
    readonly readerId: string,
  ) {
    super();
  }
}

@QueryHandler(GetScreeningFriends)
export class GetScreeningFriendsHandler implements IQueryHandler<GetScreeningFriends> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly programme: ProgrammeReader,
  ) {}

  async execute({ screeningId, readerId }: GetScreeningFriends): Promise<ScreeningFriends> {
    const screening = await this.programme.screening(screeningId);
    if (screening === null) throw new ScreeningNotFound(screeningId);
    const { rows } = await this.pool.query<{ id: string; username: string }>({
      name: 'festival-screening-friends',
      text: `SELECT account.id, account.username
             FROM follows AS follow
             JOIN festival_plan_items AS item ON item.owner_id = follow.followee_id AND item.screening_id = $1
             JOIN festival_plans AS plan ON plan.owner_id = item.owner_id AND plan.edition_id = item.edition_id
             JOIN accounts AS account ON account.id = item.owner_id
             WHERE follow.follower_id = $2 AND ${visibleListCondition('plan', '$2::uuid')}
             ORDER BY account.username_key, account.id`,
      values: [screening.id, readerId],
    });
    return { items: rows.map((row) => ({ user: { id: row.id, username: row.username } })) };
  }
}
