import { Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { MemberStatsRequest } from '../../modules/member-stats/member-stats.request.js';
import { GetMemberStats } from '../../modules/member-stats/queries/get-member-stats/get-member-stats.query.js';
import { GetMemberViewingYears } from '../../modules/member-stats/queries/get-member-viewing-years/get-member-viewing-years.query.js';
import { GetProfile } from '../../modules/social/queries/get-profile/get-profile.query.js';
import { formInput } from '../http/forms.js';
import { WebPages, view } from '../http/web-page.js';
import { MemberStatsView } from './stats-views.js';

/** A member's statistics: of all years, or of one with `?year=` (the API's rule: a bad one is a 400). */
@WebPages('member')
export class MemberStatsPagesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':username/stats')
  async stats(@Param('username') username: string, @Query('year') yearValue: unknown) {
    const { year = null } = await formInput(MemberStatsRequest, { year: yearValue }, { dropEmpty: ['year'] });
    // The year links and the chart of years are of every year: the statistics of every year have them.
    const [profile, stats, otherYears] = await Promise.all([
      this.queries.execute(new GetProfile(username)),
      this.queries.execute(new GetMemberStats(username, year)),
      year === null ? null : this.queries.execute(new GetMemberViewingYears(username)),
    ]);
    const years = otherYears ?? stats.byYear;
    return view(MemberStatsView, { username: profile.username, year, years, stats });
  }
}
