import { randomUUID } from 'node:crypto';
import { Body, ForbiddenException, Get, NotFoundException, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { GetFilm } from '../../modules/catalog/queries/get-film/get-film.query.js';
import { CommentBodyRequest } from '../../modules/comments/comment-body.request.js';
import { CommentRateLimiter } from '../../modules/comments/comment-rate-limiter.js';
import { DeleteComment } from '../../modules/comments/commands/delete-comment/delete-comment.command.js';
import { EditComment } from '../../modules/comments/commands/edit-comment/edit-comment.command.js';
import { PostComment } from '../../modules/comments/commands/post-comment/post-comment.command.js';
import { ReportComment } from '../../modules/comments/commands/report-comment/report-comment.command.js';
import { ReportRequest } from '../../modules/reportable/report.request.js';
import type { CommentDetail } from '../../modules/comments/comments.response.js';
import { idempotencyKeyOf } from '../../modules/comments/idempotency-key.js';
import { GetComment } from '../../modules/comments/queries/get-comment/get-comment.query.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { fieldText, filledText, formFailureOf, formInput } from '../http/forms.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import { SignInRequired } from '../http/web-metadata.js';
import { COMMENTS_PAGE_PARAM, commentsHref, pageCursorOf } from './comment-parts.js';
import { EditCommentView, PostCommentView, ReportCommentView } from './comment-views.js';

type FormBody = Record<string, unknown>;

/**
 * Comments from the film page: post, edit, delete, report. Each runs the comments module's
 * command, as the API does, and returns to the same page of the film's comments.
 */
@WebPages('film/:slug/comments')
@SignInRequired()
export class CommentPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly rateLimiter: CommentRateLimiter,
  ) {}

  @Post()
  async post(
    @Param('slug') slug: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<SeeOther | PageResult> {
    const { key, comments, ...fields } = body;
    const cursor = pageCursorOf(comments);
    try {
      // The form's hidden key plays the API's Idempotency-Key: a double submit posts once.
      const idempotencyKey = idempotencyKeyOf(filledText(key));
      const input = await formInput(CommentBodyRequest, fields);
      await this.rateLimiter.consume(user.id, response);
      const written = await this.commands.execute(
        new PostComment(user.id, slug, input.body, idempotencyKey, context),
      );
      return seeOther(commentsHref(slug, cursor), written.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const film = await this.queries.execute(new GetFilm(slug));
      // A fresh key: the refused post wrote nothing, and the next try may carry another text.
      const page = view(PostCommentView, {
        film,
        body: fieldText(fields.body) ?? '',
        postKey: randomUUID(),
        cursor,
        failure,
      });
      return new PageResult(page, failure.status);
    }
  }

  @Get(':id/edit')
  async editPage(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Query(COMMENTS_PAGE_PARAM) comments: unknown,
    @CurrentUser() user: SignedInUser,
  ) {
    const comment = await this.commentOn(slug, id, user);
    if (comment.author.id !== user.id) throw new ForbiddenException('Only the author can edit a comment.');
    return view(EditCommentView, { comment, body: comment.body, cursor: pageCursorOf(comments) });
  }

  @Post(':id/edit')
  async edit(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther | PageResult> {
    const { comments, ...fields } = body;
    const cursor = pageCursorOf(comments);
    try {
      const input = await formInput(CommentBodyRequest, fields);
      const written = await this.commands.execute(new EditComment(user, id, input.body, context));
      return seeOther(commentsHref(slug, cursor), written.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const comment = await this.commentOn(slug, id, user);
      const page = view(EditCommentView, { comment, body: fieldText(fields.body) ?? '', cursor, failure });
      return new PageResult(page, failure.status);
    }
  }

  @Post(':id/delete')
  async delete(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther> {
    const deleted = await this.commands.execute(new DeleteComment(user, id, context));
    return seeOther(commentsHref(slug, pageCursorOf(body.comments)), deleted.position);
  }

  @Post(':id/report')
  async report(
    @Param('slug') slug: string,
    @Param('id') id: string,
    @Body() body: FormBody,
    @Actor() { user, context }: Actor,
  ): Promise<SeeOther | PageResult> {
    const { comments, ...fields } = body;
    const cursor = pageCursorOf(comments);
    try {
      const input = await formInput(ReportRequest, fields, { dropEmpty: ['note'] });
      const accepted = await this.commands.execute(
        new ReportComment(user, id, input.reason, input.note ?? null, context),
      );
      return seeOther(commentsHref(slug, cursor), accepted.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const comment = await this.commentOn(slug, id, user);
      const page = view(ReportCommentView, {
        comment,
        reason: fieldText(fields.reason) ?? '',
        note: fieldText(fields.note) ?? '',
        cursor,
        failure,
      });
      return new PageResult(page, failure.status);
    }
  }

  /** The comment as the reader may see it, and only under its own film's address. */
  private async commentOn(slug: string, id: string, user: SignedInUser): Promise<CommentDetail> {
    const comment = await this.queries.execute(new GetComment(id, user));
    if (comment.film.slug !== slug && comment.film.id !== slug)
      throw new NotFoundException('No comment has that id.');
    return comment;
  }
}
