import { randomUUID } from 'node:crypto';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { Position } from '#event-store';
import type { SignedInUser } from '../../../common/auth/index.js';
import { isUuid } from '../../../common/uuid.js';
import { PositionedCommandRunner } from '../../../platform/commands/positioned-command-runner.js';
import { FilmReferences } from '../../catalog/films/film-references.js';
import { filmLogDecider } from '../../film-log/domain/film-log.decider.js';
import { filmLogStream } from '../../film-log/domain/film-log.events.js';
import type { ReportReason } from '../../reportable/domain/reportable.js';
import { TextViewers } from '../../reportable/text-viewers.js';
import {
  ReviewActionForbidden,
  reviewDecider,
  ReviewNotFound,
  type ReviewCommand,
  type ReviewState,
} from '../domain/review.decider.js';
import { reviewStream, type ReviewText } from '../domain/review.events.js';
import type { ReviewDeleted, ReviewEditedResult, ReviewLikes, ReviewPosted } from '../reviews.response.js';

/** No review has that id for this reader (404). */
export class ReviewNotFoundException extends NotFoundException {
  constructor() {
    super('No review has that id.');
  }
}

/** Runs a command on a review's stream as the member (moderators see hidden reviews), answering its refusals. */
@Injectable()
export class ReviewCommandRunner {
  constructor(
    private readonly runner: PositionedCommandRunner,
    private readonly viewers: TextViewers,
  ) {}

  async run(
    user: SignedInUser,
    reviewId: string,
    command: (actor: { actorId: string; moderates: boolean }) => ReviewCommand,
    context: CommandContext,
  ) {
    if (!isUuid(reviewId)) throw new ReviewNotFoundException();
    const viewer = await this.viewers.of(user);
    const actor = { actorId: viewer.id, moderates: viewer.moderates };
    try {
      return await this.runner.run({
        decider: reviewDecider,
        streamId: reviewStream(reviewId.toLowerCase()),
        command: command(actor),
        context,
      });
    } catch (error) {
      if (error instanceof ReviewNotFound) throw new ReviewNotFoundException();
      if (error instanceof ReviewActionForbidden) throw new ForbiddenException(error.message);
      throw error;
    }
  }
}

/**
 * A review checks the film and its stars become the film's rating, as the member's latest rating.
 * The film log is written first: if the review's own append then fails, the member has the mark
 * they asked for and can post again.
 */
async function markTheFilm(
  runner: PositionedCommandRunner,
  authorId: string,
  filmId: string,
  rating: number | null,
  context: CommandContext,
): Promise<Position> {
  const marked = await runner.run({
    decider: filmLogDecider,
    streamId: filmLogStream(authorId, filmId),
    command: rating === null ? { type: 'CheckFilm' } : { type: 'RateFilm', rating },
    context,
  });
  return marked.position;
}

export class PostReview extends Command<ReviewPosted> {
  constructor(
    readonly author: SignedInUser,
    readonly filmReference: string,
    readonly text: ReviewText,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(PostReview)
export class PostReviewHandler implements ICommandHandler<PostReview> {
  constructor(
    private readonly films: FilmReferences,
    private readonly runner: PositionedCommandRunner,
  ) {}

  async execute({ author, filmReference, text, context }: PostReview): Promise<ReviewPosted> {
    const filmId = await this.films.idOf(filmReference);
    await markTheFilm(this.runner, author.id, filmId, text.rating, context);
    return appendReview(this.runner, { filmId, authorId: author.id, ...text }, context);
  }
}

/**
 * Posts a new review under a fresh id. The film must already be marked: by the review's own
 * stars, or by the diary entry it is written with (`diaryEntry`).
 */
export async function appendReview(
  runner: PositionedCommandRunner,
  review: ReviewText & { readonly filmId: string; readonly authorId: string; readonly diaryEntry?: string },
  context: CommandContext,
): Promise<ReviewPosted> {
  const id = randomUUID();
  const result = await runner.run({
    decider: reviewDecider,
    streamId: reviewStream(id),
    command: { type: 'PostReview', ...review },
    context,
  });
  return { id, position: result.position };
}

export class EditReview extends Command<ReviewEditedResult> {
  constructor(
    readonly editor: SignedInUser,
    readonly reviewId: string,
    readonly changes: {
      readonly body?: string;
      readonly spoilers?: boolean;
      readonly rating?: number | null;
    },
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EditReview)
export class EditReviewHandler implements ICommandHandler<EditReview> {
  constructor(
    private readonly reviews: ReviewCommandRunner,
    private readonly runner: PositionedCommandRunner,
  ) {}

  async execute({ editor, reviewId, changes, context }: EditReview): Promise<ReviewEditedResult> {
    const result = await this.reviews.run(
      editor,
      reviewId,
      (actor) => ({ type: 'EditReview', ...actor, ...changes }),
      context,
    );
    const state: ReviewState = result.state;
    const edited = result.events.length > 0;
    // New stars are the member's latest rating of the film; the answer's position covers both writes.
    const position =
      edited && typeof changes.rating === 'number'
        ? await markTheFilm(this.runner, editor.id, state.filmId!, changes.rating, context)
        : result.position;
    return {
      id: reviewId.toLowerCase(),
      body: state.text!.body,
      spoilers: state.text!.spoilers,
      rating: state.text!.rating,
      likes: state.likers.length,
      position,
    };
  }
}

export class DeleteReview extends Command<ReviewDeleted> {
  constructor(
    readonly actor: SignedInUser,
    readonly reviewId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteReview)
export class DeleteReviewHandler implements ICommandHandler<DeleteReview> {
  constructor(private readonly reviews: ReviewCommandRunner) {}

  async execute({ actor, reviewId, context }: DeleteReview): Promise<ReviewDeleted> {
    const result = await this.reviews.run(
      actor,
      reviewId,
      (who) => ({ type: 'DeleteReview', ...who }),
      context,
    );
    return { id: reviewId.toLowerCase(), deleted: true, position: result.position };
  }
}

export class LikeReview extends Command<ReviewLikes> {
  constructor(
    readonly member: SignedInUser,
    readonly reviewId: string,
    readonly like: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(LikeReview)
export class LikeReviewHandler implements ICommandHandler<LikeReview> {
  constructor(private readonly reviews: ReviewCommandRunner) {}

  async execute({ member, reviewId, like, context }: LikeReview): Promise<ReviewLikes> {
    const result = await this.reviews.run(
      member,
      reviewId,
      (actor) => ({ type: like ? 'LikeReview' : 'UnlikeReview', ...actor }),
      context,
    );
    return {
      liked: result.state.likers.includes(member.id),
      likes: result.state.likers.length,
      position: result.position,
    };
  }
}

export class ReportReview extends Command<{ position: string }> {
  constructor(
    readonly reporter: SignedInUser,
    readonly reviewId: string,
    readonly reason: ReportReason,
    readonly note: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReportReview)
export class ReportReviewHandler implements ICommandHandler<ReportReview> {
  constructor(private readonly reviews: ReviewCommandRunner) {}

  async execute({ reporter, reviewId, reason, note, context }: ReportReview): Promise<{ position: string }> {
    const result = await this.reviews.run(
      reporter,
      reviewId,
      (actor) => ({
        type: 'ModerateReview',
        ...actor,
        moderation: { type: 'Report', reporterId: actor.actorId, reason, note },
      }),
      context,
    );
    return { position: result.position };
  }
}
