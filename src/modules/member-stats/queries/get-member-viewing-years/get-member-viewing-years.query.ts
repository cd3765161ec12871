import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { usernameKey } from '../../../identity/domain/credentials.js';
import { MemberNotFoundException } from '../../../social/members/member-errors.js';
import type { FacetCount, YearCount } from '../../member-stats.response.js';
import { MEMBER_VIEWING_YEARS_SQL } from '../get-member-stats/member-stats.sql.js';

/**
 * The years a member saw films in, each with its films, as the statistics of every year count them
 * (`byYear`), without the rest: what a page about one year shows of the others.
 */
export class GetMemberViewingYears extends Query<YearCount[]> {
  constructor(readonly username: string) {
    super();
  }
}

@QueryHandler(GetMemberViewingYears)
export class GetMemberViewingYearsHandler implements IQueryHandler<GetMemberViewingYears> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ username }: GetMemberViewingYears): Promise<YearCount[]> {
    const { rows } = await this.pool.query<{ member_id: string | null; by_year: FacetCount<number>[] }>({
      name: 'member-viewing-years',
      text: MEMBER_VIEWING_YEARS_SQL,
      values: [usernameKey(username)],
    });
    const row = rows[0]!;
    if (row.member_id === null) throw new MemberNotFoundException(username);
    return row.by_year.map(({ key, films }) => ({ key, year: key, films }));
  }
}
