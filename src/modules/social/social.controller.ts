import { applyDecorators, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, BAD_PAGE, MEMBER_WRITE, NO_MEMBER } from '../../common/openapi/problem-responses.js';
import { pageWindow, PageRequest, type Page } from '../../common/paging/index.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { FollowMember } from './commands/follow/follow.command.js';
import { USERNAME } from '../identity/accounts/username.param.js';
import { GetProfile } from './queries/get-profile/get-profile.query.js';
import { ListFollows, type FollowDirection } from './queries/list-follows/list-follows.query.js';
import {
  FollowPageResponse,
  FollowResultResponse,
  ProfileResponse,
  type FollowEntry,
  type FollowResult,
  type Profile,
} from './social.response.js';
import { commentsProjection } from '../comments/projections/comments.projection.js';
import { reviewsProjection } from '../reviews/projections/reviews.projection.js';
import { membersProjection } from '../identity/projections/members.projection.js';
import { userStatsProjection } from './projections/user-stats.projection.js';
import { followsProjection } from './projections/follows.projection.js';

/** Documentation shared by follow and unfollow. */
const FollowWrite = (summary: string): MethodDecorator =>
  applyDecorators(
    USERNAME,
    ApiOperation({ summary: `${summary}; repeating it changes nothing and answers the same` }),
    ApiOkResponse({ type: FollowResultResponse }),
    MEMBER_WRITE,
    NO_MEMBER,
  );

/** Documentation shared by the followers and following lists. */
const FollowList = (summary: string): MethodDecorator =>
  applyDecorators(
    Public(),
    USERNAME,
    ConsistentRead(followsProjection),
    ApiOperation({ summary: `${summary}, newest follow first, paged by cursor` }),
    ApiOkResponse({ type: FollowPageResponse }),
    BAD_PAGE,
    NO_MEMBER,
  );

@ApiTags('people')
@Controller('users/:username')
export class SocialController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put('follow')
  @FollowWrite('Follow a member')
  @ApiProblem(422, 'Members cannot follow themselves (code cannot-follow-yourself)')
  follow(@Actor() { user, context }: Actor, @Param('username') username: string): Promise<FollowResult> {
    return this.commands.execute(new FollowMember(user.id, username, true, context));
  }

  @Delete('follow')
  @FollowWrite('Stop following a member')
  unfollow(@Actor() { user, context }: Actor, @Param('username') username: string): Promise<FollowResult> {
    return this.commands.execute(new FollowMember(user.id, username, false, context));
  }

  @Public()
  @Get()
  @USERNAME
  @ConsistentRead(userStatsProjection, membersProjection, commentsProjection, reviewsProjection)
  @ApiOperation({
    summary: 'A member’s profile: when they joined, and counts of marks, follows and comments',
  })
  @ApiOkResponse({ type: ProfileResponse })
  @NO_MEMBER
  profile(@Param('username') username: string): Promise<Profile> {
    return this.queries.execute(new GetProfile(username));
  }

  @Get('followers')
  @FollowList('Members who follow this member')
  followers(@Param('username') username: string, @Query() page: PageRequest): Promise<Page<FollowEntry>> {
    return this.list(username, 'followers', page);
  }

  @Get('following')
  @FollowList('Members this member follows')
  following(@Param('username') username: string, @Query() page: PageRequest): Promise<Page<FollowEntry>> {
    return this.list(username, 'following', page);
  }

  private list(username: string, direction: FollowDirection, page: PageRequest): Promise<Page<FollowEntry>> {
    return this.queries.execute(new ListFollows(username, direction, pageWindow(page)));
  }
}
