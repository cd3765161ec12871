import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner, type CommandContext } from '#decider';
import { EVENT_STORE, type EventStore } from '#event-store';
import { memberDecider, memberStream } from '../../../identity/domain/member.decider.js';
import { Members } from '../../../social/members/members.js';
import type { MemberReinstatedResult, MemberSuspendedResult } from '../../moderation.response.js';

/** A moderator suspends a member (until a date, or until reinstated). */
export class SuspendMember extends Command<MemberSuspendedResult> {
  constructor(
    readonly username: string,
    readonly moderatorId: string,
    readonly reason: string,
    readonly until: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** A moderator lifts a member's suspension. */
export class ReinstateMember extends Command<MemberReinstatedResult> {
  constructor(
    readonly username: string,
    readonly reason: string | null,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** On the member's stream: the auth guard reads the members read model live, so it takes effect at once. */
@CommandHandler(SuspendMember)
export class SuspendMemberHandler implements ICommandHandler<SuspendMember> {
  constructor(
    private readonly members: Members,
    private readonly runner: CommandRunner,
  ) {}

  async execute({
    username,
    moderatorId,
    reason,
    until,
    context,
  }: SuspendMember): Promise<MemberSuspendedResult> {
    const member = await this.members.byUsername(username);
    const result = await this.runner.run({
      decider: memberDecider,
      streamId: memberStream(member.id),
      command: { type: 'SuspendMember', reason, until, byMemberId: moderatorId, memberId: member.id },
      context,
    });
    return { suspended: true, until, position: result.position! };
  }
}

@CommandHandler(ReinstateMember)
export class ReinstateMemberHandler implements ICommandHandler<ReinstateMember> {
  constructor(
    private readonly members: Members,
    private readonly runner: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ username, reason, context }: ReinstateMember): Promise<MemberReinstatedResult> {
    const member = await this.members.byUsername(username);
    const result = await this.runner.run({
      decider: memberDecider,
      streamId: memberStream(member.id),
      command: { type: 'ReinstateMember', reason },
      context,
    });
    return { suspended: false, position: result.position ?? this.store.origin };
  }
}
