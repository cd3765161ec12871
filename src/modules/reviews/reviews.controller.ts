import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { ApiProblem, BAD_FIELD, MEMBER_WRITE, NO_FILM } from '../../common/openapi/problem-responses.js';
import type { Page } from '../../common/paging/index.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { FILM_REFERENCE } from '../catalog/films/film-reference.param.js';
import { ReportRequest } from '../reportable/report.request.js';
import {
  DeleteReview,
  EditReview,
  LikeReview,
  PostReview,
  ReportReview,
} from './commands/review.commands.js';
import { reviewsProjection } from './projections/reviews.projection.js';
import { GetReview, ListFilmReviews } from './queries/review.queries.js';
import {
  EditReviewRequest,
  PostReviewRequest,
  ReviewPageRequest,
  SpoilersRequest,
} from './reviews.requests.js';
import {
  ReviewDeletedResponse,
  ReviewDetailResponse,
  ReviewEditedResponse,
  ReviewLikesResponse,
  ReviewPageResponse,
  ReviewPostedResponse,
  ReviewReportAcceptedResponse,
  type ReviewDeleted,
  type ReviewDetail,
  type ReviewEditedResult,
  type ReviewItem,
  type ReviewLikes,
  type ReviewPosted,
} from './reviews.response.js';

const REVIEW_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The review’s id' });
const NO_REVIEW = ApiProblem(404, 'No review has that id: never posted, deleted, or hidden from this reader');

@ApiTags('reviews')
@Controller()
export class ReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('films/:idOrSlug/reviews')
  @FILM_REFERENCE
  @ApiOperation({
    summary: 'Review a film; it checks the film, and the review’s stars become the film’s rating',
  })
  @ApiCreatedResponse({ type: ReviewPostedResponse })
  @ApiProblem(
    400,
    'A body that is empty, over 20,000 characters or holds NUL, a bad rating or an unknown field, named',
  )
  @MEMBER_WRITE
  @NO_FILM
  post(
    @Actor() { user, context }: Actor,
    @Param('idOrSlug') film: string,
    @Body() body: PostReviewRequest,
  ): Promise<ReviewPosted> {
    const text = { body: body.body, spoilers: body.spoilers ?? false, rating: body.rating ?? null };
    return this.commands.execute(new PostReview(user, film, text, context));
  }

  @Public()
  @Get('films/:idOrSlug/reviews')
  @FILM_REFERENCE
  @ConsistentRead(reviewsProjection)
  @ApiOperation({
    summary:
      'A film’s reviews, recent or popular (most liked) first; a spoiler review’s body is null unless spoilers=show; moderators also see hidden ones, marked hidden',
  })
  @ApiOkResponse({ type: ReviewPageResponse })
  @ApiProblem(400, 'A bad sort, spoilers, limit or cursor, named')
  @NO_FILM
  list(
    @Param('idOrSlug') film: string,
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() query: ReviewPageRequest,
  ): Promise<Page<ReviewItem>> {
    const page = {
      sort: query.sort,
      limit: query.limit,
      cursor: query.cursor,
      showSpoilers: query.spoilers === 'show',
    };
    return this.queries.execute(new ListFilmReviews(film, reader, page));
  }

  @Public()
  @Get('reviews/:id')
  @REVIEW_ID
  @ConsistentRead(reviewsProjection)
  @ApiOperation({ summary: 'One review with its film; a spoiler review’s body is null unless spoilers=show' })
  @ApiOkResponse({ type: ReviewDetailResponse })
  @ApiProblem(400, 'A bad spoilers value, named')
  @NO_REVIEW
  get(
    @Param('id') id: string,
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() query: SpoilersRequest,
  ): Promise<ReviewDetail> {
    return this.queries.execute(new GetReview(id, reader, query.spoilers === 'show'));
  }

  @Patch('reviews/:id')
  @REVIEW_ID
  @ApiOperation({
    summary: 'Edit your review: its body, spoiler flag or stars (new stars rate the film too)',
  })
  @ApiOkResponse({ type: ReviewEditedResponse })
  @BAD_FIELD
  @MEMBER_WRITE
  @ApiProblem(403, 'Not the author, or the member is suspended')
  @NO_REVIEW
  edit(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: EditReviewRequest,
  ): Promise<ReviewEditedResult> {
    return this.commands.execute(new EditReview(user, id, body, context));
  }

  @Delete('reviews/:id')
  @REVIEW_ID
  @ApiOperation({ summary: 'Delete a review: its author or a moderator' })
  @ApiOkResponse({ type: ReviewDeletedResponse })
  @MEMBER_WRITE
  @ApiProblem(403, 'Neither the author nor a moderator, or the member is suspended')
  @NO_REVIEW
  delete(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<ReviewDeleted> {
    return this.commands.execute(new DeleteReview(user, id, context));
  }

  @Put('reviews/:id/like')
  @REVIEW_ID
  @ApiOperation({ summary: 'Like a review; liking it again changes nothing' })
  @ApiOkResponse({ type: ReviewLikesResponse })
  @MEMBER_WRITE
  @NO_REVIEW
  @ApiProblem(422, 'Your own review (code cannot-like-own-review)')
  like(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<ReviewLikes> {
    return this.commands.execute(new LikeReview(user, id, true, context));
  }

  @Delete('reviews/:id/like')
  @REVIEW_ID
  @ApiOperation({ summary: 'Take back a like; doing it again changes nothing' })
  @ApiOkResponse({ type: ReviewLikesResponse })
  @MEMBER_WRITE
  @NO_REVIEW
  unlike(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<ReviewLikes> {
    return this.commands.execute(new LikeReview(user, id, false, context));
  }

  @Post('reviews/:id/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @REVIEW_ID
  @ApiOperation({
    summary: 'Report a review to the moderators; a second report by the same member changes nothing',
  })
  @ApiAcceptedResponse({ type: ReviewReportAcceptedResponse })
  @ApiProblem(400, 'A reason not in the set, a bad note or an unknown field, named')
  @MEMBER_WRITE
  @NO_REVIEW
  @ApiProblem(
    422,
    'Your own review (code cannot-report-own-review), or one already hidden (code review-hidden)',
  )
  report(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: ReportRequest,
  ): Promise<{ position: string }> {
    return this.commands.execute(new ReportReview(user, id, body.reason, body.note ?? null, context));
  }
}
