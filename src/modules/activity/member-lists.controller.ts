import { Controller, Get, Param, Query, applyDecorators, type Type } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { BAD_PAGE, NO_MEMBER } from '../../common/openapi/problem-responses.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import {
  FeedPageResponse,
  MemberCheckPageResponse,
  MemberFavouritePageResponse,
  MemberWatchlistPageResponse,
  type FeedItem,
  type MemberCheck,
  type MemberFavourite,
  type MemberWatchlistEntry,
} from './activity.response.js';
import { GetMemberActivity } from './queries/get-member-activity/get-member-activity.query.js';
import { GetMemberChecks } from './queries/get-member-checks/get-member-checks.query.js';
import {
  GetMemberFavourites,
  GetMemberWatchlist,
} from './queries/get-member-marks/get-member-marks.query.js';
import { activityProjection } from './projections/activity.projection.js';
import { USERNAME } from '../identity/accounts/username.param.js';
import { userFilmStateProjection } from '../film-log/projections/user-film-state.projection.js';

/** Documentation shared by a profile's lists: public, newest first, paged, 404 for an unknown member. */
const ProfileList = (summary: string, type: Type): MethodDecorator =>
  applyDecorators(
    Public(),
    USERNAME,
    ApiOperation({ summary }),
    ApiOkResponse({ type }),
    BAD_PAGE,
    NO_MEMBER,
  );

@ApiTags('activity')
@Controller('users/:username')
export class MemberListsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('checks')
  @ProfileList('The films a member checked, latest check first, with their marks', MemberCheckPageResponse)
  @ConsistentRead(userFilmStateProjection)
  checks(@Param('username') username: string, @Query() page: PageRequest): Promise<Page<MemberCheck>> {
    return this.queries.execute(new GetMemberChecks(username, page));
  }

  @Get('favourites')
  @ProfileList('A member’s favourite films, latest favourited first', MemberFavouritePageResponse)
  @ConsistentRead(activityProjection)
  favourites(
    @Param('username') username: string,
    @Query() page: PageRequest,
  ): Promise<Page<MemberFavourite>> {
    return this.queries.execute(new GetMemberFavourites(username, page));
  }

  @Get('watchlist')
  @ProfileList('A member’s watchlist, latest added first', MemberWatchlistPageResponse)
  @ConsistentRead(activityProjection)
  watchlist(
    @Param('username') username: string,
    @Query() page: PageRequest,
  ): Promise<Page<MemberWatchlistEntry>> {
    return this.queries.execute(new GetMemberWatchlist(username, page));
  }

  @Get('activity')
  @ProfileList('What a member did, newest first, as feed items', FeedPageResponse)
  @ConsistentRead(activityProjection)
  activity(@Param('username') username: string, @Query() page: PageRequest): Promise<Page<FeedItem>> {
    return this.queries.execute(new GetMemberActivity(username, page));
  }
}
