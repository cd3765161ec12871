import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, NO_MEMBER } from '../../common/openapi/problem-responses.js';
import { USERNAME } from '../identity/accounts/username.param.js';
import { diaryProjection } from '../film-log/projections/diary.projection.js';
import { userFilmStateProjection } from '../film-log/projections/user-film-state.projection.js';
import { GetMemberStats } from './queries/get-member-stats/get-member-stats.query.js';
import { MemberStatsRequest } from './member-stats.request.js';
import { MemberStatsResponse, type MemberStats } from './member-stats.response.js';

@ApiTags('people')
@Controller('users/:username/stats')
export class MemberStatsController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get()
  @USERNAME
  @ConsistentRead(userFilmStateProjection, diaryProjection)
  @ApiOperation({
    summary:
      'A member’s statistics of the films they checked: by viewing year, release decade, genre, country, ' +
      'continent and director, hours, and their ratings; ?year= keeps the films seen that year',
  })
  @ApiOkResponse({ type: MemberStatsResponse })
  @ApiProblem(400, 'A bad year, named')
  @NO_MEMBER
  stats(@Param('username') username: string, @Query() query: MemberStatsRequest): Promise<MemberStats> {
    return this.queries.execute(new GetMemberStats(username, query.year ?? null));
  }
}
