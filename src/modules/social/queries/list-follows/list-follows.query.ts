import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  cursorColumns,
  pageOf,
  type CursorRow,
  type Page,
  type PageWindow,
} from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { Members } from '../../members/members.js';
import type { FollowEntry } from '../../social.response.js';

/** `followers`: who follows the member; `following`: whom the member follows. */
export type FollowDirection = 'followers' | 'following';

/** One page of a member's followers or followings, newest follow first. */
export class ListFollows extends Query<Page<FollowEntry>> {
  constructor(
    readonly username: string,
    readonly direction: FollowDirection,
    readonly window: PageWindow,
  ) {
    super();
  }
}

interface FollowRow extends CursorRow {
  id: string;
  username: string;
  followed_at: Date;
}

/**
 * A keyset seek on (followed_at DESC, other member's id DESC), the order of the follows index for
 * that direction: the member's own column fixes the index prefix, the other end is listed.
 */
const statement = (direction: FollowDirection): { name: string; text: string } => {
  const [own, other] =
    direction === 'followers' ? ['followee_id', 'follower_id'] : ['follower_id', 'followee_id'];
  return {
    name: `social-${direction}`,
    text: `SELECT account.id, account.username, follow.followed_at,
                  ${cursorColumns('follow.followed_at', `follow.${other}`)}
           FROM follows AS follow
           JOIN accounts AS account ON account.id = follow.${other}
           WHERE follow.${own} = $1 AND (follow.followed_at, follow.${other}) < ($2::timestamptz, $3::uuid)
           ORDER BY follow.followed_at DESC, follow.${other} DESC
           LIMIT $4`,
  };
};

const STATEMENTS: Record<FollowDirection, { name: string; text: string }> = {
  followers: statement('followers'),
  following: statement('following'),
};

@QueryHandler(ListFollows)
export class ListFollowsHandler implements IQueryHandler<ListFollows> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  async execute({ username, direction, window }: ListFollows): Promise<Page<FollowEntry>> {
    const member = await this.members.byUsername(username);
    const { rows } = await this.pool.query<FollowRow>({
      ...STATEMENTS[direction],
      values: [member.id, window.from.at, window.from.id, window.limit + 1],
    });
    return pageOf(rows, window.limit, (row) => ({
      user: { id: row.id, username: row.username },
      followedAt: row.followed_at.toISOString(),
    }));
  }
}
