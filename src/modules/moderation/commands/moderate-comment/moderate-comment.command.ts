import { isUuid } from '../../../../common/uuid.js';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import {
  CommentNotFound,
  commentDecider,
  type CommentCommand,
} from '../../../comments/domain/comment.decider.js';
import { queueStatusOf } from '../../../reportable/domain/reportable.js';
import { commentStream } from '../../../comments/domain/comment.events.js';
import { CommentNotFoundException } from '../../../comments/comment-errors.js';
import type { CommentModerated } from '../../moderation.response.js';

export type CommentDecision = 'hide' | 'restore' | 'dismiss';

/** A moderator hides a comment, restores it, or dismisses its reports. */
export class ModerateComment extends Command<CommentModerated> {
  constructor(
    readonly decision: CommentDecision,
    readonly commentId: string,
    readonly moderatorId: string,
    readonly reason: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

const commandFor = ({ decision, moderatorId, reason }: ModerateComment): CommentCommand => {
  switch (decision) {
    case 'hide':
      return { type: 'HideComment', moderatorId, reason: reason ?? '' };
    case 'restore':
      return { type: 'RestoreComment', moderatorId, reason };
    case 'dismiss':
      return { type: 'DismissReports', moderatorId, reason };
  }
};

/** Decided on the comment's stream; a decision already in force answers the same and writes nothing. */
@CommandHandler(ModerateComment)
export class ModerateCommentHandler implements ICommandHandler<ModerateComment> {
  constructor(private readonly runner: PositionedCommandRunner) {}

  async execute(command: ModerateComment): Promise<CommentModerated> {
    // A malformed id names no comment: the same 404 as an unknown one.
    if (!isUuid(command.commentId)) throw new CommentNotFoundException();
    const commentId = command.commentId.toLowerCase();
    try {
      const result = await this.runner.run({
        decider: commentDecider,
        streamId: commentStream(commentId),
        command: commandFor(command),
        context: command.context,
      });
      return {
        commentId,
        hidden: result.state.hiding !== 'none',
        status: queueStatusOf(result.state),
        position: result.position,
      };
    } catch (error) {
      if (error instanceof CommentNotFound) throw new CommentNotFoundException();
      throw error;
    }
  }
}
