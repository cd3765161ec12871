import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, type SignedInUser } from '../../common/auth/index.js';
import { ConsistentRead } from '../../common/consistency/consistent-read.js';
import { PageRequest, type Page } from '../../common/paging/index.js';
import {
  ApiProblem,
  BAD_PAGE,
  MEMBER_WRITE,
  NO_FILM,
  SIGNED_IN,
} from '../../common/openapi/problem-responses.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { CommentBodyRequest } from './comment-body.request.js';
import { CommentRateLimiter } from './comment-rate-limiter.js';
import { DeleteComment } from './commands/delete-comment/delete-comment.command.js';
import { EditComment } from './commands/edit-comment/edit-comment.command.js';
import { PostComment } from './commands/post-comment/post-comment.command.js';
import { ReportComment } from './commands/report-comment/report-comment.command.js';
import { ReportRequest } from '../reportable/report.request.js';
import {
  CommentDeletedResponse,
  CommentDetailResponse,
  CommentPageResponse,
  CommentReportAcceptedResponse,
  CommentWrittenResponse,
  type CommentDeleted,
  type CommentDetail,
  type CommentItem,
  type CommentReportAccepted,
  type CommentWritten,
} from './comments.response.js';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyOf } from './idempotency-key.js';
import { GetComment } from './queries/get-comment/get-comment.query.js';
import { ListFilmComments } from './queries/list-film-comments/list-film-comments.query.js';
import { commentsProjection } from './projections/comments.projection.js';
import { FILM_REFERENCE } from '../catalog/films/film-reference.param.js';

const COMMENT_ID = ApiParam({ name: 'id', format: 'uuid', description: 'The comment id' });
const NO_COMMENT = ApiProblem(
  404,
  'No comment has that id: never posted, deleted, or hidden from this reader',
);

@ApiTags('comments')
@Controller()
export class CommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rateLimiter: CommentRateLimiter,
  ) {}

  @Public()
  @Get('films/:idOrSlug/comments')
  @FILM_REFERENCE
  @ConsistentRead(commentsProjection)
  @ApiOperation({
    summary:
      'A film’s comments, oldest first, paged by cursor; a signed-in author or moderator also sees hidden ones (hidden: true)',
  })
  @ApiOkResponse({ type: CommentPageResponse })
  @BAD_PAGE
  @NO_FILM
  list(
    @Param('idOrSlug') film: string,
    @CurrentUser() reader: SignedInUser | undefined,
    @Query() page: PageRequest,
  ): Promise<Page<CommentItem>> {
    return this.queries.execute(new ListFilmComments(film, reader, page));
  }

  @Post('films/:idOrSlug/comments')
  @FILM_REFERENCE
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description:
      '1 to 255 visible ASCII characters, per member: a retry with the same key and body answers the same comment; ' +
      'the same key with another body is a 422 (code idempotency-key-reused)',
  })
  @ApiOperation({ summary: 'Comment on a film; the body is trimmed and kept as plain text' })
  @ApiCreatedResponse({ type: CommentWrittenResponse })
  @ApiProblem(400, 'A bad body, an unknown field or a bad Idempotency-Key, named')
  @MEMBER_WRITE
  @NO_FILM
  @ApiProblem(422, 'The Idempotency-Key was used for another comment (code idempotency-key-reused)')
  @ApiProblem(429, 'Too many comments from this member; see Retry-After')
  async post(
    @Actor() { user, context }: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
    @Param('idOrSlug') film: string,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Body() body: CommentBodyRequest,
  ): Promise<CommentWritten> {
    const key = idempotencyKeyOf(idempotencyKey);
    await this.rateLimiter.consume(user.id, response);
    return this.commands.execute(new PostComment(user.id, film, body.body, key, context));
  }

  @Public()
  @Get('comments/:id')
  @COMMENT_ID
  @ConsistentRead(commentsProjection)
  @ApiOperation({ summary: 'One comment with its film; hidden ones only for their author and moderators' })
  @ApiOkResponse({ type: CommentDetailResponse })
  @NO_COMMENT
  get(@Param('id') id: string, @CurrentUser() reader: SignedInUser | undefined): Promise<CommentDetail> {
    return this.queries.execute(new GetComment(id, reader));
  }

  @Patch('comments/:id')
  @COMMENT_ID
  @ApiOperation({ summary: 'Edit your comment; the same body again changes nothing' })
  @ApiOkResponse({ type: CommentWrittenResponse })
  @ApiProblem(400, 'A bad body or an unknown field, named')
  @SIGNED_IN
  @ApiProblem(403, 'Not the author, or the member is suspended')
  @NO_COMMENT
  edit(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: CommentBodyRequest,
  ): Promise<CommentWritten> {
    return this.commands.execute(new EditComment(user, id, body.body, context));
  }

  @Delete('comments/:id')
  @COMMENT_ID
  @ApiOperation({ summary: 'Delete a comment: its author or a moderator' })
  @ApiOkResponse({ type: CommentDeletedResponse })
  @SIGNED_IN
  @ApiProblem(403, 'Neither the author nor a moderator, or the member is suspended')
  @NO_COMMENT
  delete(@Actor() { user, context }: Actor, @Param('id') id: string): Promise<CommentDeleted> {
    return this.commands.execute(new DeleteComment(user, id, context));
  }

  @Post('comments/:id/reports')
  @HttpCode(HttpStatus.ACCEPTED)
  @COMMENT_ID
  @ApiOperation({
    summary:
      'Report a comment to the moderators; a second report by the same member changes nothing and answers the same',
  })
  @ApiAcceptedResponse({ type: CommentReportAcceptedResponse })
  @ApiProblem(400, 'A reason not in the set, a bad note or an unknown field, named')
  @MEMBER_WRITE
  @NO_COMMENT
  @ApiProblem(
    422,
    'Your own comment (code cannot-report-own-comment), or one already hidden (code comment-hidden)',
  )
  report(
    @Actor() { user, context }: Actor,
    @Param('id') id: string,
    @Body() body: ReportRequest,
  ): Promise<CommentReportAccepted> {
    return this.commands.execute(new ReportComment(user, id, body.reason, body.note ?? null, context));
  }
}
