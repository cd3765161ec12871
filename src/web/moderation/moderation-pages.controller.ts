import { Body, Get, NotFoundException, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentUser, type SignedInUser } from '../../common/auth/index.js';
import { InvalidInputException } from '../../common/invalid-input.exception.js';
import { PageRequest } from '../../common/paging/index.js';
import { GetComment } from '../../modules/comments/queries/get-comment/get-comment.query.js';
import {
  ModerateComment,
  type CommentDecision,
} from '../../modules/moderation/commands/moderate-comment/moderate-comment.command.js';
import { ModerateReview } from '../../modules/moderation/commands/moderate-review/moderate-review.command.js';
import { queuedTextOf } from '../../modules/moderation/moderation.response.js';
import type { ModeratedKind } from '../../modules/moderation/projections/moderation.projection.js';
import { SuspendMember } from '../../modules/moderation/commands/suspend-member/suspend-member.command.js';
import {
  CommentDecisionRequest,
  HideCommentRequest,
  QueueRequest,
  SuspendMemberRequest,
} from '../../modules/moderation/moderation.request.js';
import { GetModerationLog } from '../../modules/moderation/queries/get-log/get-log.query.js';
import { GetModerationQueue } from '../../modules/moderation/queries/get-queue/get-queue.query.js';
import {
  decodeQueueCursor,
  QUEUE_STATUSES,
  type QueueStatus,
} from '../../modules/moderation/queries/get-queue/queue-cursor.js';
import { Actor } from '../../platform/commands/actor.decorator.js';
import { fieldText, formFailureOf, formInput } from '../http/forms.js';
import { ForRole } from '../http/web-metadata.js';
import { PageResult, WebPages, seeOther, view, type SeeOther } from '../http/web-page.js';
import {
  DecisionFailureView,
  LogView,
  QueueView,
  SuspendFailureView,
  queueHref,
  type LoggedComment,
  type QueuePlace,
} from './moderation-views.js';

type FormBody = Record<string, unknown>;

const DECISIONS: readonly CommentDecision[] = ['hide', 'restore', 'dismiss'];

/** The queue page a form came from, when it names one this site gave out; else the first open page. */
const placeOf = (body: FormBody): QueuePlace => {
  const status = QUEUE_STATUSES.find((candidate) => candidate === body.status) ?? 'open';
  const cursor = fieldText(body.cursor);
  return cursor && decodeQueueCursor(cursor)?.kind === status ? { status, cursor } : { status };
};

/** A date from the form's date field is the start of that day in UTC; anything else goes as typed. */
const untilOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string' || value === '') return undefined;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
};

/**
 * The moderation queue and log, and a moderator's decisions: the moderation module's queries and
 * commands, with the API's request DTOs checking the forms.
 */
@WebPages('moderate')
@ForRole('moderator')
export class ModerationPagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async queue(@Query() query: FormBody) {
    const request = await formInput(QueueRequest, query);
    const status: QueueStatus = request.status ?? 'open';
    const cursor = request.cursor === undefined ? null : decodeQueueCursor(request.cursor);
    if (cursor && cursor.kind !== status) {
      throw new InvalidInputException([
        { field: 'cursor', message: `cursor is not one of the ${status} list` },
      ]);
    }
    const page = await this.queries.execute(new GetModerationQueue(status, request.limit, cursor));
    return view(QueueView, {
      place: { status, cursor: request.cursor },
      items: page.items,
      nextCursor: page.nextCursor,
    });
  }

  @Get('log')
  async log(@Query() query: FormBody, @CurrentUser() moderator: SignedInUser) {
    const request = await formInput(PageRequest, query);
    const page = await this.queries.execute(new GetModerationLog(request));
    const commentIds = new Set(
      page.items.flatMap((entry) => (entry.target.kind === 'comment' ? [entry.target.id] : [])),
    );
    // The log names a comment by id: its author and film, as the moderator sees it, make it readable.
    const comments = new Map<string, LoggedComment | null>(
      await Promise.all(
        [...commentIds].map(async (id): Promise<[string, LoggedComment | null]> => {
          try {
            const comment = await this.queries.execute(new GetComment(id, moderator));
            return [id, { author: comment.author.username, film: comment.film }];
          } catch (error) {
            // Deleted since: the log keeps the action, the comment is gone.
            if (error instanceof NotFoundException) return [id, null];
            throw error;
          }
        }),
      ),
    );
    return view(LogView, {
      entries: page.items,
      comments,
      nextCursor: page.nextCursor,
      first: request.cursor === undefined,
    });
  }

  @Post('comments/:id')
  decideComment(@Param('id') id: string, @Body() body: FormBody, @Actor() moderator: Actor) {
    return this.decide('comment', id, body, moderator);
  }

  @Post('reviews/:id')
  decideReview(@Param('id') id: string, @Body() body: FormBody, @Actor() moderator: Actor) {
    return this.decide('review', id, body, moderator);
  }

  /** One form for both kinds: the button pressed names the decision; hiding needs the reason. */
  private async decide(
    kind: ModeratedKind,
    id: string,
    body: FormBody,
    moderator: Actor,
  ): Promise<SeeOther | PageResult> {
    const place = placeOf(body);
    const decision = DECISIONS.find((candidate) => candidate === body.decision);
    try {
      if (!decision) {
        throw new InvalidInputException([
          { field: 'decision', message: `decision must be one of ${DECISIONS.join(', ')}` },
        ]);
      }
      const fields = { reason: body.reason };
      const input =
        decision === 'hide'
          ? await formInput(HideCommentRequest, fields)
          : await formInput(CommentDecisionRequest, fields, { dropEmpty: ['reason'] });
      const reason = input.reason?.trim() ?? null;
      const decided = await this.commands.execute(
        kind === 'comment'
          ? new ModerateComment(decision, id, moderator.user.id, reason, moderator.context)
          : new ModerateReview(decision, id, moderator.user.id, reason, moderator.context),
      );
      return seeOther(queueHref(place), decided.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const page = await this.queries.execute(
        new GetModerationQueue(
          place.status,
          undefined,
          place.cursor ? decodeQueueCursor(place.cursor) : null,
        ),
      );
      const item = page.items.find(
        (candidate) => candidate.kind === kind && queuedTextOf(candidate).id === id.toLowerCase(),
      );
      if (!item) throw error;
      return new PageResult(
        view(DecisionFailureView, { item, place, reason: fieldText(body.reason), failure }),
        failure.status,
      );
    }
  }

  @Post('members/:username/suspend')
  async suspend(
    @Param('username') username: string,
    @Body() body: FormBody,
    @Actor() moderator: Actor,
  ): Promise<SeeOther | PageResult> {
    const place = placeOf(body);
    try {
      const input = await formInput(SuspendMemberRequest, {
        reason: body.reason,
        until: untilOf(body.until),
      });
      const until = input.until === undefined ? null : new Date(input.until).toISOString();
      const suspended = await this.commands.execute(
        new SuspendMember(username, moderator.user.id, input.reason.trim(), until, moderator.context),
      );
      return seeOther(queueHref(place), suspended.position);
    } catch (error) {
      const failure = formFailureOf(error);
      const page = view(SuspendFailureView, {
        username,
        place,
        reason: fieldText(body.reason),
        until: fieldText(body.until),
        failure,
      });
      return new PageResult(page, failure.status);
    }
  }
}
