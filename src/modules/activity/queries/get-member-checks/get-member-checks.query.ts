import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import {
  cursorColumns,
  pageOf,
  pageWindow,
  type CursorRow,
  type Page,
  type PageRequest,
} from '../../../../common/paging/index.js';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import type { MemberCheck } from '../../activity.response.js';
import { Members } from '../../../social/members/members.js';
import { FILM_COLUMNS, toFilmRef, type FilmRow } from '../activity-rows.js';

/** The films a member checked, latest check first, with their marks. */
export class GetMemberChecks extends Query<Page<MemberCheck>> {
  constructor(
    readonly username: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}

interface CheckRow extends FilmRow, CursorRow {
  readonly checked_at: Date;
  readonly watched_on: string | null;
  readonly favourite: boolean;
  readonly disliked: boolean;
}

const toMemberCheck = (row: CheckRow): MemberCheck => ({
  film: toFilmRef(row),
  checkedAt: row.checked_at.toISOString(),
  watchedOn: row.watched_on,
  favourite: row.favourite,
  disliked: row.disliked,
});

/** A seek on the (user_id, checked_at DESC, film_id DESC) WHERE checked index. */
const CHECKS = `
  SELECT ${FILM_COLUMNS}, state.checked_at, state.watched_on::text, state.favourite, state.disliked,
         ${cursorColumns('state.checked_at', 'state.film_id')}
  FROM user_film_state AS state
  JOIN films ON films.id = state.film_id
  WHERE state.user_id = $1 AND state.checked
    AND (state.checked_at, state.film_id) < ($2::timestamptz, $3::uuid)
  ORDER BY state.checked_at DESC, state.film_id DESC
  LIMIT $4`;

@QueryHandler(GetMemberChecks)
export class GetMemberChecksHandler implements IQueryHandler<GetMemberChecks> {
  constructor(
    @Inject(QUERY_POOL) private readonly pool: pg.Pool,
    private readonly members: Members,
  ) {}

  async execute({ username, page }: GetMemberChecks): Promise<Page<MemberCheck>> {
    const { limit, from } = pageWindow(page);
    const userId = (await this.members.byUsername(username)).id;
    const { rows } = await this.pool.query<CheckRow>({
      name: 'activity-member-checks',
      text: CHECKS,
      values: [userId, from.at, from.id, limit + 1],
    });
    return pageOf(rows, limit, toMemberCheck);
  }
}
