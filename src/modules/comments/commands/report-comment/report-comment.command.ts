import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { SignedInUser } from '../../../../common/auth/index.js';
import type { CommentReportAccepted } from '../../comments.response.js';
import type { ReportReason } from '../../domain/comment.events.js';
import { TextViewers } from '../../../reportable/text-viewers.js';
import { CommentCommandRunner } from '../comment-command-runner.js';

/** A member reports someone else's comment to the moderators; a second report changes nothing. */
export class ReportComment extends Command<CommentReportAccepted> {
  constructor(
    readonly reporter: SignedInUser,
    readonly commentId: string,
    readonly reason: ReportReason,
    readonly note: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(ReportComment)
export class ReportCommentHandler implements ICommandHandler<ReportComment> {
  constructor(
    private readonly comments: CommentCommandRunner,
    private readonly viewers: TextViewers,
  ) {}

  async execute({
    reporter,
    commentId,
    reason,
    note,
    context,
  }: ReportComment): Promise<CommentReportAccepted> {
    const { id, moderates } = await this.viewers.of(reporter);
    const { position } = await this.comments.run(
      commentId,
      { type: 'ReportComment', reporterId: id, reporterModerates: moderates, reason, note },
      context,
    );
    return { position };
  }
}
