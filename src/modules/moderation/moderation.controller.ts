import { applyDecorators, Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequireRole } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import {
  ApiProblem,
  BAD_FIELD,
  BAD_PAGE,
  NO_MEMBER,
  SIGNED_IN,
} from '../../common/openapi/problem-responses.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import {
  ModerateComment,
  type CommentDecision,
} from './commands/moderate-comment/moderate-comment.command.js';
import { ReinstateMember, SuspendMember } from './commands/suspend-member/suspend-member.command.js';
import {
  CommentDecisionRequest,
  HideCommentRequest,
  QueueRequest,
  ReinstateMemberRequest,
  SuspendMemberRequest,
} from './moderation.request.js';
import {
  CommentModeratedResponse,
  ReviewModeratedResponse,
  type ReviewModerated,
  LogPageResponse,
  MemberReinstatedResponse,
  MemberSuspendedResponse,
  QueuePageResponse,
  type CommentModerated,
  type LogEntry,
  type MemberReinstatedResult,
  type MemberSuspendedResult,
  type QueueItem,
} from './moderation.response.js';
import { GetModerationLog } from './queries/get-log/get-log.query.js';
import { GetModerationQueue } from './queries/get-queue/get-queue.query.js';
import { decodeQueueCursor } from './queries/get-queue/queue-cursor.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { commentsProjection } from '../comments/projections/comments.projection.js';
import { reviewsProjection } from '../reviews/projections/reviews.projection.js';
import { ModerateReview } from './commands/moderate-review/moderate-review.command.js';
import { USERNAME } from '../identity/accounts/username.param.js';
import { moderationProjection } from './projections/moderation.projection.js';

const COMMENT_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: 'The comment; malformed or unknown: 404',
});

const REVIEW_ID = ApiParam({
  name: 'id',
  format: 'uuid',
  description: 'The review; malformed or unknown: 404',
});

/** Documentation shared by a review's hide, restore and dismiss. */
const ReviewAction = (summary: string): MethodDecorator =>
  applyDecorators(
    REVIEW_ID,
    HttpCode(200),
    ApiOperation({ summary: `${summary}; a decision already in force answers the same and writes nothing` }),
    ApiOkResponse({ type: ReviewModeratedResponse }),
    BAD_FIELD,
    ApiProblem(404, 'No live review has that id'),
  );

/** Documentation shared by hide, restore and dismiss. */
const CommentAction = (summary: string): MethodDecorator =>
  applyDecorators(
    COMMENT_ID,
    HttpCode(200),
    ApiOperation({ summary: `${summary}; a decision already in force answers the same and writes nothing` }),
    ApiOkResponse({ type: CommentModeratedResponse }),
    BAD_FIELD,
    ApiProblem(404, 'No live comment has that id'),
  );

const trimmed = (reason: string | undefined): string | null => reason?.trim() ?? null;

@ApiTags('moderation')
@SIGNED_IN
@ApiProblem(403, 'Not a moderator (or admin), or suspended')
@RequireRole('moderator')
@Controller('moderation')
export class ModerationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get('queue')
  @ConsistentRead(moderationProjection, commentsProjection, reviewsProjection)
  @ApiOperation({
    summary:
      'Reported comments and reviews (kind says which): open items most reported first (ties: longest waiting), with every report of the ' +
      'current round; resolved items latest decision first, with the decision',
  })
  @ApiOkResponse({ type: QueuePageResponse })
  @ApiProblem(400, 'A bad status, limit or cursor, named')
  queue(@Query() request: QueueRequest): Promise<Page<QueueItem>> {
    const status = request.status ?? 'open';
    const cursor = request.cursor === undefined ? null : decodeQueueCursor(request.cursor);
    if (cursor && cursor.kind !== status) {
      throw new InvalidInputException([
        { field: 'cursor', message: `cursor is not one of the ${status} list` },
      ]);
    }
    return this.queries.execute(new GetModerationQueue(status, request.limit, cursor));
  }

  @Get('log')
  @ConsistentRead(moderationProjection)
  @ApiOperation({
    summary: 'Every moderator action (hide, restore, dismiss, delete, suspend, reinstate), newest first',
  })
  @ApiOkResponse({ type: LogPageResponse })
  @BAD_PAGE
  log(@Query() page: PageRequest): Promise<Page<LogEntry>> {
    return this.queries.execute(new GetModerationLog(page));
  }

  @Post('comments/:id/hide')
  @CommentAction('Hide a comment from everyone but its author and moderators, with a reason')
  hide(
    @Param('id') id: string,
    @Body() body: HideCommentRequest,
    @Actor() moderator: Actor,
  ): Promise<CommentModerated> {
    return this.decide('hide', id, trimmed(body.reason), moderator);
  }

  @Post('comments/:id/restore')
  @CommentAction('Make a hidden (or reported) comment visible again and close its review')
  restore(
    @Param('id') id: string,
    @Body() body: CommentDecisionRequest,
    @Actor() moderator: Actor,
  ): Promise<CommentModerated> {
    return this.decide('restore', id, trimmed(body.reason), moderator);
  }

  @Post('comments/:id/dismiss')
  @CommentAction('Dismiss the open reports (lifting an auto-hide)')
  dismiss(
    @Param('id') id: string,
    @Body() body: CommentDecisionRequest,
    @Actor() moderator: Actor,
  ): Promise<CommentModerated> {
    return this.decide('dismiss', id, trimmed(body.reason), moderator);
  }

  @Post('reviews/:id/hide')
  @ReviewAction('Hide a review from everyone but its author and moderators, with a reason')
  hideReview(
    @Param('id') id: string,
    @Body() body: HideCommentRequest,
    @Actor() moderator: Actor,
  ): Promise<ReviewModerated> {
    return this.decideReview('hide', id, trimmed(body.reason), moderator);
  }

  @Post('reviews/:id/restore')
  @ReviewAction('Make a hidden (or reported) review visible again and close its review round')
  restoreReview(
    @Param('id') id: string,
    @Body() body: CommentDecisionRequest,
    @Actor() moderator: Actor,
  ): Promise<ReviewModerated> {
    return this.decideReview('restore', id, trimmed(body.reason), moderator);
  }

  @Post('reviews/:id/dismiss')
  @ReviewAction('Dismiss the open reports of a review (lifting an auto-hide)')
  dismissReview(
    @Param('id') id: string,
    @Body() body: CommentDecisionRequest,
    @Actor() moderator: Actor,
  ): Promise<ReviewModerated> {
    return this.decideReview('dismiss', id, trimmed(body.reason), moderator);
  }

  @Post('members/:username/suspend')
  @HttpCode(200)
  @USERNAME
  @ApiOperation({
    summary: 'Suspend a member: they can read, every write answers 403 naming the reason and the end',
  })
  @ApiOkResponse({ type: MemberSuspendedResponse })
  @ApiProblem(400, 'A missing reason, a bad or past `until`, or an unknown field')
  @NO_MEMBER
  @ApiProblem(422, 'Suspending yourself (code cannot-suspend-yourself)')
  suspend(
    @Param('username') username: string,
    @Body() body: SuspendMemberRequest,
    @Actor() moderator: Actor,
  ): Promise<MemberSuspendedResult> {
    const until = body.until === undefined ? null : new Date(body.until).toISOString();
    return this.commands.execute(
      new SuspendMember(username, moderator.user.id, body.reason.trim(), until, moderator.context),
    );
  }

  @Post('members/:username/reinstate')
  @HttpCode(200)
  @USERNAME
  @ApiOperation({ summary: 'Lift a suspension; reinstating an active member writes nothing' })
  @ApiOkResponse({ type: MemberReinstatedResponse })
  @BAD_FIELD
  @NO_MEMBER
  reinstate(
    @Param('username') username: string,
    @Body() body: ReinstateMemberRequest,
    @Actor() moderator: Actor,
  ): Promise<MemberReinstatedResult> {
    return this.commands.execute(new ReinstateMember(username, trimmed(body.reason), moderator.context));
  }

  private decideReview(
    decision: CommentDecision,
    id: string,
    reason: string | null,
    moderator: Actor,
  ): Promise<ReviewModerated> {
    return this.commands.execute(
      new ModerateReview(decision, id, moderator.user.id, reason, moderator.context),
    );
  }

  private decide(
    decision: CommentDecision,
    id: string,
    reason: string | null,
    moderator: Actor,
  ): Promise<CommentModerated> {
    return this.commands.execute(
      new ModerateComment(decision, id, moderator.user.id, reason, moderator.context),
    );
  }
}
