import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { CommentDeleted } from '../../comments.response.js';
import { TextViewers } from '../../../reportable/text-viewers.js';
import { CommentCommandRunner } from '../comment-command-runner.js';

/** The author or a moderator deletes a comment. */
export class DeleteComment extends Command<CommentDeleted> {
  constructor(
    readonly actor: SignedInUser,
    readonly commentId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteComment)
export class DeleteCommentHandler implements ICommandHandler<DeleteComment> {
  constructor(
    private readonly comments: CommentCommandRunner,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ actor, commentId, context }: DeleteComment): Promise<CommentDeleted> {
    const { id, moderates } = await this.viewers.of(actor);
    const { position } = await this.comments.run(
      commentId,
      { type: 'DeleteComment', actorId: id, actorModerates: moderates },
      context,
    );
    return { id: commentId.toLowerCase(), deleted: true, position };
  }
}
