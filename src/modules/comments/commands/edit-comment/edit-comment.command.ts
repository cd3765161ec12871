import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { CommentWritten } from '../../comments.response.js';
import { TextViewers } from '../../../reportable/text-viewers.js';
import { CommentCommandRunner } from '../comment-command-runner.js';

/** The author changes a comment's body; the same body again changes nothing. */
export class EditComment extends Command<CommentWritten> {
  constructor(
    readonly editor: SignedInUser,
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
  constructor(
    private readonly comments: CommentCommandRunner,
    private readonly viewers: TextViewers,
  ) {}

  async execute({ editor, commentId, body, context }: EditComment): Promise<CommentWritten> {
    const { id, moderates } = await this.viewers.of(editor);
    const { position } = await this.comments.run(
      commentId,
      { type: 'EditComment', editorId: id, editorModerates: moderates, body },
      context,
    );
    return { id: commentId.toLowerCase(), position };
  }
}
