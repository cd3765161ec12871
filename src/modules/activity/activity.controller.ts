import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { BAD_PAGE, NO_FILM, SIGNED_IN } from '../../common/openapi/problem-responses.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import {
  FeedPageResponse,
  FilmActivityPageResponse,
  FriendCheckPageResponse,
  type FeedItem,
  type FilmActivityItem,
  type FriendCheck,
} from './activity.response.js';
import { GetFeed } from './queries/get-feed/get-feed.query.js';
import { GetFilmActivity } from './queries/get-film-activity/get-film-activity.query.js';
import { GetFriendsWhoChecked } from './queries/get-friends-who-checked/get-friends-who-checked.query.js';
import { activityProjection } from './projections/activity.projection.js';
import { followsProjection } from '../social/projections/follows.projection.js';
import { userFilmStateProjection } from '../film-log/projections/user-film-state.projection.js';
import { FILM_REFERENCE } from '../catalog/films/film-reference.param.js';
@ApiTags('activity')
@Controller()
export class ActivityController {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Get('films/:idOrSlug/activity')
  @FILM_REFERENCE
  @ConsistentRead(activityProjection)
  @ApiOperation({
    summary:
      'Who checked, favourited, disliked or watchlisted a film, newest first; an action taken back is gone',
  })
  @ApiOkResponse({ type: FilmActivityPageResponse })
  @BAD_PAGE
  @NO_FILM
  filmActivity(@Param('idOrSlug') film: string, @Query() page: PageRequest): Promise<Page<FilmActivityItem>> {
    return this.queries.execute(new GetFilmActivity(film, page));
  }

  @Get('films/:idOrSlug/friends')
  @FILM_REFERENCE
  @SIGNED_IN
  @ConsistentRead(followsProjection, userFilmStateProjection)
  @ApiOperation({
    summary: 'Members the reader follows who checked the film, with their marks; latest check first',
  })
  @ApiOkResponse({ type: FriendCheckPageResponse })
  @BAD_PAGE
  @NO_FILM
  friends(
    @CurrentUser() user: SignedInUser,
    @Param('idOrSlug') film: string,
    @Query() page: PageRequest,
  ): Promise<Page<FriendCheck>> {
    return this.queries.execute(new GetFriendsWhoChecked(user.id, film, page));
  }

  @Get('feed')
  @SIGNED_IN
  @ConsistentRead(activityProjection, followsProjection)
  @ApiOperation({
    summary:
      'What the members the reader follows did, newest first; a new follow shows their past activity at once',
  })
  @ApiOkResponse({ type: FeedPageResponse })
  @BAD_PAGE
  feed(@CurrentUser() user: SignedInUser, @Query() page: PageRequest): Promise<Page<FeedItem>> {
    return this.queries.execute(new GetFeed(user.id, page));
  }
}
