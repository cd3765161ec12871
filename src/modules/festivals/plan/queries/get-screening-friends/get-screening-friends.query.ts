import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import { ScreeningNotFoundException } from '../../../programme/programme-errors.js';
import { ProgrammeReader } from '../../../programme/programme-reader.js';
import type { ScreeningFriends } from '../../plan.response.js';
import { friendsPlanningSql, type FriendPlanningRow } from '../friends-planning/friends-planning.sql.js';

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
    if (screening === null) throw new ScreeningNotFoundException(screeningId);
    const { rows } = await this.pool.query<FriendPlanningRow>({
      name: 'festival-screening-friends',
      text: friendsPlanningSql('$1', '$2::uuid'),
      values: [screening.id, readerId],
    });
    return { items: rows.map((row) => ({ user: { id: row.id, username: row.username } })) };
  }
}
