import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { SocialModule } from '../social/social.module.js';
import { ModerateCommentHandler } from './commands/moderate-comment/moderate-comment.command.js';
import { ModerateReviewHandler } from './commands/moderate-review/moderate-review.command.js';
import {
  ReinstateMemberHandler,
  SuspendMemberHandler,
} from './commands/suspend-member/suspend-member.command.js';
import { ModerationController } from './moderation.controller.js';
import { GetModerationLogHandler } from './queries/get-log/get-log.query.js';
import { GetModerationQueueHandler } from './queries/get-queue/get-queue.query.js';

/** The moderation queue and log, moderator actions on comments and members (the auto-hide job runs in ModerationJobsModule). */
@Module({
  imports: [IdentityModule, SocialModule],
  controllers: [ModerationController],
  providers: [
    ModerateCommentHandler,
    ModerateReviewHandler,
    SuspendMemberHandler,
    ReinstateMemberHandler,
    GetModerationQueueHandler,
    GetModerationLogHandler,
  ],
})
export class ModerationModule {}
