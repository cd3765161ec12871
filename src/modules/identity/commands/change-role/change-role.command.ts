import { NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '#event-store';
import type { Role } from '../../../../common/auth/index.js';
import { AccountRegistration } from '../../accounts/account-registration.js';
import { AccountsRepository, rolesOf } from '../../accounts/accounts.repository.js';
import type { GrantableRole } from '../../domain/member.events.js';

export interface RoleChanged {
  readonly username: string;
  readonly roles: Role[];
  readonly position: Position | null;
}

export class ChangeRole extends Command<RoleChanged> {
  constructor(
    readonly change: 'grant' | 'revoke',
    readonly username: string,
    readonly role: GrantableRole,
    readonly adminId: string,
    readonly correlationId?: string,
  ) {
    super();
  }
}

/** Role changes are events on the member's stream, so every grant and revocation is on record with its admin. */
@CommandHandler(ChangeRole)
export class ChangeRoleHandler implements ICommandHandler<ChangeRole> {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly registration: AccountRegistration,
  ) {}

  async execute(command: ChangeRole): Promise<RoleChanged> {
    const member = await this.accounts.findByUsername(command.username);
    if (!member) throw new NotFoundException(`No member is called ${command.username}.`);
    const result =
      command.change === 'grant'
        ? await this.registration.grant(member.id, command.role, command.adminId, command.correlationId)
        : await this.registration.revoke(member.id, command.role, command.adminId, command.correlationId);
    return { username: member.username, roles: rolesOf(result.state.roles), position: result.position };
  }
}
