import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '#decider';
import type { Position } from '#event-store';
import { ProjectionMonitor } from '#projections';
import { PositionedCommandRunner } from '../../../../platform/commands/positioned-command-runner.js';
import { memberDecider } from '../../../identity/domain/member.decider.js';
import { memberStream } from '../../../identity/domain/member.events.js';
import { Members } from '../../../social/members/members.js';
import { Authenticator } from '../../../../common/auth/index.js';
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

/** How long an answer waits for the guard's read model to hold the change (it answers anyway after). */
const TAKES_EFFECT_WAIT_MS = 2000;

/**
 * The auth guard reads the members read model on every write, so the answer waits (bounded)
 * for the members projection: when the moderator sees 200, the suspension is in force.
 */
const inForce = async (
  monitor: ProjectionMonitor,
  authenticator: Authenticator,
  memberId: string,
  position: Position,
): Promise<void> => {
  await monitor.waitFor(['members'], position, TAKES_EFFECT_WAIT_MS);
  // This process need not wait for the change notification to stop trusting what it kept.
  authenticator.forget(memberId);
};

/** On the member's stream, so every suspension is on record with its moderator and reason. */
@CommandHandler(SuspendMember)
export class SuspendMemberHandler implements ICommandHandler<SuspendMember> {
  constructor(
    private readonly members: Members,
    private readonly runner: PositionedCommandRunner,
    private readonly monitor: ProjectionMonitor,
    private readonly authenticator: Authenticator,
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
    await inForce(this.monitor, this.authenticator, member.id, result.position);
    return { suspended: true, until, position: result.position };
  }
}

@CommandHandler(ReinstateMember)
export class ReinstateMemberHandler implements ICommandHandler<ReinstateMember> {
  constructor(
    private readonly members: Members,
    private readonly runner: PositionedCommandRunner,
    private readonly monitor: ProjectionMonitor,
    private readonly authenticator: Authenticator,
  ) {}

  async execute({ username, reason, context }: ReinstateMember): Promise<MemberReinstatedResult> {
    const member = await this.members.byUsername(username);
    const result = await this.runner.run({
      decider: memberDecider,
      streamId: memberStream(member.id),
      command: { type: 'ReinstateMember', reason },
      context,
    });
    await inForce(this.monitor, this.authenticator, member.id, result.position);
    return { suspended: false, position: result.position };
  }
}
