import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { isUuid } from '../../../../../common/uuid.js';
import { QUERY_POOL } from '../../../../../platform/database/database.module.js';
import type { ScreeningFriends } from '../../plan.response.js';
import { friendsPlanningSql, type FriendPlanningRow } from './friends-planning.sql.js';

export type PlanningFriend = ScreeningFriends['items'][number]['user'];

/** Screening id (as asked) → the friends planning it, by username; every asked id has an entry. */
export type FriendsPlanning = ReadonlyMap<string, readonly PlanningFriend[]>;

/**
 * GetScreeningFriends for many screenings in one statement, for a page listing a day's or a
 * strand's screenings. Ids that are not screenings (or not UUIDs) simply have no friends.
 */
export class GetFriendsPlanning extends Query<FriendsPlanning> {
  constructor(
    readonly screeningIds: readonly string[],
    readonly readerId: string,
  ) {
    super();
  }
}

@QueryHandler(GetFriendsPlanning)
export class GetFriendsPlanningHandler implements IQueryHandler<GetFriendsPlanning> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ screeningIds, readerId }: GetFriendsPlanning): Promise<FriendsPlanning> {
    // A malformed id would fail the uuid[] cast and the whole page with it.
    const wanted = [...new Set(screeningIds.filter(isUuid).map((id) => id.toLowerCase()))];
    const found = new Map<string, PlanningFriend[]>();
    if (wanted.length > 0 && isUuid(readerId)) {
      const { rows } = await this.pool.query<FriendPlanningRow>({
        name: 'festival-friends-planning',
        text: friendsPlanningSql('ANY($1::uuid[])', '$2::uuid'),
        values: [wanted, readerId],
      });
      for (const row of rows) {
        const friends = found.get(row.screening_id) ?? [];
        friends.push({ id: row.id, username: row.username });
        found.set(row.screening_id, friends);
      }
    }
    return new Map(screeningIds.map((id) => [id, found.get(id.toLowerCase()) ?? []]));
  }
}
