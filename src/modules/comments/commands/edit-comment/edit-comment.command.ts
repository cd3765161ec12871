import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { CommentWritten } from '../../comments.response.js';
import { CommentCommandRunner } from '../comment-command-runner.js';

/** The author changes a comment's body; the same body again changes nothing. */
export class EditComment extends Command<CommentWritten> {
  constructor(
    readonly editorId: string,
    readonly commentId: string,
    /** Trimmed and checked by the request. */
    readonly body: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EditComment)
export class EditCommentHandler implements ICommandHandler<EditComment> {
  constructor(private readonly comments: CommentCommandRunner) {}

  async execute({ editorId, commentId, body, context }: EditComment): Promise<CommentWritten> {
    const { position } = await this.comments.run(commentId, { type: 'EditComment', editorId, body }, context);
    return { id: commentId.toLowerCase(), position };
  }
}
