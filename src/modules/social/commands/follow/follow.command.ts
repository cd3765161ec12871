import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { followDecider, type FollowCommand } from '../../domain/follow.decider.js';
import { followStream } from '../../domain/follow.events.js';
import { Members } from '../../members/members.js';
import type { FollowResult } from '../../social.response.js';

/** The signed-in member follows, or stops following, the member with that username. */
export class FollowMember extends Command<FollowResult> {
  constructor(
    readonly followerId: string,
    readonly followeeUsername: string,
    readonly follow: boolean,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Decides on the pair's own stream; repeating either is a no-op that answers the same. */
@CommandHandler(FollowMember)
export class FollowMemberHandler implements ICommandHandler<FollowMember> {
  constructor(
    private readonly members: Members,
    private readonly runner: PositionedCommandRunner,
  ) {}

  async execute({ followerId, followeeUsername, follow, context }: FollowMember): Promise<FollowResult> {
    const followee = await this.members.byUsername(followeeUsername);
    const command: FollowCommand = follow
      ? { type: 'Follow', followerId, followeeId: followee.id }
      : { type: 'Unfollow' };
    const result = await this.runner.run({
      decider: followDecider,
      streamId: followStream(followerId, followee.id),
      command,
      context,
    });
    // An unfollow of someone never followed answers the origin, which every projection has passed.
    return { following: result.state.following, position: result.position };
  }
}
