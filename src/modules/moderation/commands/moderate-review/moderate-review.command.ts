import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { isUuid } from '../../../../common/uuid.js';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { queueStatusOf, type ReportCommand } from '../../../reportable/domain/reportable.js';
import { ReviewNotFoundException } from '../../../reviews/commands/review.commands.js';
import { reviewDecider, ReviewNotFound } from '../../../reviews/domain/review.decider.js';
import { reviewStream } from '../../../reviews/domain/review.events.js';
import type { ReviewModerated } from '../../moderation.response.js';
import type { CommentDecision } from '../moderate-comment/moderate-comment.command.js';

/** A moderator hides a review, restores it, or dismisses its reports: the comments' decisions. */
export class ModerateReview extends Command<ReviewModerated> {
  constructor(
    readonly decision: CommentDecision,
    readonly reviewId: string,
    readonly moderatorId: string,
    readonly reason: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const moderationFor = ({ decision, moderatorId, reason }: ModerateReview): ReportCommand => {
  switch (decision) {
    case 'hide':
      return { type: 'Hide', moderatorId, reason: reason ?? '' };
    case 'restore':
      return { type: 'Restore', moderatorId, reason };
    case 'dismiss':
      return { type: 'Dismiss', moderatorId, reason };
  }
};

/** Decided on the review's stream; a decision already in force answers the same and writes nothing. */
@CommandHandler(ModerateReview)
export class ModerateReviewHandler implements ICommandHandler<ModerateReview> {
  constructor(private readonly runner: PositionedCommandRunner) {}

  async execute(command: ModerateReview): Promise<ReviewModerated> {
    if (!isUuid(command.reviewId)) throw new ReviewNotFoundException();
    const reviewId = command.reviewId.toLowerCase();
    try {
      const result = await this.runner.run({
        decider: reviewDecider,
        streamId: reviewStream(reviewId),
        // The route lets moderators alone through.
        command: {
          type: 'ModerateReview',
          actorId: command.moderatorId,
          moderates: true,
          moderation: moderationFor(command),
        },
        context: command.context,
      });
      return {
        reviewId,
        hidden: result.state.hiding !== 'none',
        status: queueStatusOf(result.state),
        position: result.position,
      };
    } catch (error) {
      if (error instanceof ReviewNotFound) throw new ReviewNotFoundException();
      throw error;
    }
  }
}
