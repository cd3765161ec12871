import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { FollowMemberHandler } from './commands/follow/follow.command.js';
import { Members } from './members/members.js';
import { GetProfileHandler } from './queries/get-profile/get-profile.query.js';
import { IsFollowingHandler } from './queries/is-following/is-following.query.js';
import { ListFollowsHandler } from './queries/list-follows/list-follows.query.js';
import { SocialController } from './social.controller.js';

const commandHandlers = [FollowMemberHandler];
const queryHandlers = [GetProfileHandler, ListFollowsHandler, IsFollowingHandler];

/** Follows between members, their followers and following lists, and profiles with their counts. */
@Module({
  imports: [IdentityModule],
  controllers: [SocialController],
  providers: [Members, ...commandHandlers, ...queryHandlers],
  exports: [Members],
})
export class SocialModule {}
