import { ConflictException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '#event-store';
import { AccessTokens } from '../../auth/access-tokens.js';
import { AccountRegistration } from '../../accounts/account-registration.js';
import { AccountTakenError } from '../../accounts/accounts.repository.js';

export interface RegisteredMember {
  readonly user: { readonly id: string; readonly username: string };
  readonly accessToken: string;
  readonly position: Position;
}

export class RegisterMember extends Command<RegisteredMember> {
  constructor(
    readonly username: string,
    readonly email: string | null,
    readonly password: string,
    readonly correlationId?: string,
  ) {
    super();
  }
}

@CommandHandler(RegisterMember)
export class RegisterMemberHandler implements ICommandHandler<RegisterMember> {
  constructor(
    private readonly registration: AccountRegistration,
    private readonly tokens: AccessTokens,
  ) {}

  async execute(command: RegisterMember): Promise<RegisteredMember> {
    try {
      const member = await this.registration.register(command, command.correlationId);
      const user = { id: member.id, username: member.username };
      return { user, accessToken: await this.tokens.issue(user), position: member.position };
    } catch (error) {
      if (error instanceof AccountTakenError) {
        throw new ConflictException(
          error.field === 'email' ? 'That email is already registered.' : 'That username is already taken.',
        );
      }
      throw error;
    }
  }
}
