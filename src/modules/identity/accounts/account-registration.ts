import { randomUUID } from 'node:crypto';
import type { CommandRunner } from '#decider';
import type { Position } from '#event-store';
import { commandContext } from '../../../platform/commands/command-context.js';
import type { PasswordHasher } from '../auth/password-hasher.js';
import { memberDecider } from '../domain/member.decider.js';
import { memberStream, type GrantableRole } from '../domain/member.events.js';
import type { AccountsRepository } from './accounts.repository.js';

export interface Registration {
  readonly id: string;
  readonly username: string;
  readonly position: Position;
}

/**
 * Creating a member touches two stores: the account row (credentials) and the member stream
 * (MemberRegistered). The row goes first, so a taken name is refused before any event exists;
 * if the append then fails, the row is removed again and the caller may simply retry.
 * Shared by the HTTP registration, the start-up admin and `npm run admin:create`.
 */
export class AccountRegistration {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly runner: CommandRunner,
  ) {}

  async register(
    input: { username: string; email: string | null; password: string; roles?: readonly GrantableRole[] },
    correlationId?: string,
  ): Promise<Registration> {
    const id = randomUUID();
    const passwordHash = await this.hasher.hash(input.password);
    await this.accounts.insert({ id, username: input.username, email: input.email, passwordHash });
    try {
      const context = commandContext(id, { id: correlationId });
      let result = await this.runner.run({
        decider: memberDecider,
        streamId: memberStream(id),
        command: { type: 'RegisterMember' },
        context,
      });
      for (const role of input.roles ?? []) {
        result = await this.grant(id, role, null, correlationId);
      }
      return { id, username: input.username, position: result.position! };
    } catch (error) {
      await this.accounts.delete(id);
      throw error;
    }
  }

  /** Idempotent: granting a held role appends nothing and answers the stream's current position. */
  grant(userId: string, role: GrantableRole, actorId: string | null, correlationId?: string) {
    return this.runner.run({
      decider: memberDecider,
      streamId: memberStream(userId),
      command: { type: 'GrantRole', role },
      context: commandContext(actorId, { id: correlationId }),
    });
  }

  revoke(userId: string, role: GrantableRole, actorId: string, correlationId?: string) {
    return this.runner.run({
      decider: memberDecider,
      streamId: memberStream(userId),
      command: { type: 'RevokeRole', role, byMemberId: actorId, memberId: userId },
      context: commandContext(actorId, { id: correlationId }),
    });
  }
}
