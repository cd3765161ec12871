import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { pageOf, pageWindow, type Page, type PageRequest } from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { Members } from '../../../social/members/members.js';
import type { ListSummary } from '../../lists.response.js';
import { LIST_SUMMARY_COLUMNS, listSummaryJoins, toListSummary, type ListSummaryRow } from '../list-rows.js';
import { visibleListCondition } from '../list-visibility.js';

/** A member's lists that the reader may see, newest first, with the reader's progress on each. */
export class GetMemberLists extends Query<Page<ListSummary>> {
  constructor(
    readonly username: string,
    readonly readerId: string | null,
    readonly page: PageRequest,
  ) {
    super();
  }
}

@QueryHandler(GetMemberLists)
export class GetMemberListsHandler implements IQueryHandler<GetMemberLists> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  async execute({ username, readerId, page }: GetMemberLists): Promise<Page<ListSummary>> {
    const window = pageWindow(page);
    const member = await this.members.byUsername(username);
    const { rows } = await this.pool.query<ListSummaryRow>({
      name: 'lists-of-member',
      text: `SELECT ${LIST_SUMMARY_COLUMNS}
             FROM lists AS list ${listSummaryJoins('$4::uuid')}
             WHERE list.owner_id = $5 AND list.deleted_at IS NULL
               AND ${visibleListCondition('list', '$4::uuid')}
               AND (list.created_at, list.id) < ($1::timestamptz, $2::uuid)
             ORDER BY list.created_at DESC, list.id DESC LIMIT $3`,
      values: [window.from.at, window.from.id, window.limit + 1, readerId, member.id],
    });
    return pageOf(rows, window.limit, toListSummary(readerId !== null));
  }
}
