import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type pg from 'pg';
import { QUERY_POOL } from '../../../../platform/database/database.module.js';
import { usernameKey } from '../../../identity/domain/credentials.js';
import { MemberNotFoundException } from '../../../social/members/member-errors.js';
import { COUNTRY_CONTINENTS } from '../../domain/continents.js';
import { hoursOf } from '../../domain/hours.js';
import type { FacetCount, MemberStats } from '../../member-stats.response.js';
import { MEMBER_STATS_SQL } from './member-stats.sql.js';

/** A member's statistics of the films they checked: all of them, or those seen in `year`. */
export class GetMemberStats extends Query<MemberStats> {
  constructor(
    readonly username: string,
    readonly year: number | null = null,
  ) {
    super();
  }
}

interface StatsRow {
  member_id: string | null;
  films: number;
  minutes: number;
  by_year: FacetCount<number>[];
  by_month: FacetCount<number>[] | null;
  by_decade: FacetCount<number>[];
  by_genre: FacetCount[];
  by_country: FacetCount[];
  by_continent: FacetCount[];
  by_director: FacetCount[];
  ratings: number[];
}

@QueryHandler(GetMemberStats)
export class GetMemberStatsHandler implements IQueryHandler<GetMemberStats> {
  constructor(@Inject(QUERY_POOL) private readonly pool: pg.Pool) {}

  async execute({ username, year }: GetMemberStats): Promise<MemberStats> {
    const { rows } = await this.pool.query<StatsRow>({
      name: 'member-stats',
      text: MEMBER_STATS_SQL,
      values: [usernameKey(username), year, COUNTRY_CONTINENTS.countries, COUNTRY_CONTINENTS.continents],
    });
    const row = rows[0]!;
    if (row.member_id === null) throw new MemberNotFoundException(username);
    return {
      films: row.films,
      hours: hoursOf(row.minutes),
      // Each time facet names its key as well: `key` like every facet, `year` as the contract spells it.
      byYear: row.by_year.map(({ key, films }) => ({ key, year: key, films })),
      ...(row.by_month && { byMonth: row.by_month.map(({ key, films }) => ({ key, month: key, films })) }),
      byDecade: row.by_decade.map(({ key, films }) => ({ key, decade: key, films })),
      byGenre: row.by_genre,
      byCountry: row.by_country,
      byContinent: row.by_continent,
      byDirector: row.by_director,
      ratings: row.ratings,
    };
  }
}
