import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Position } from '#event-store';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import { MemberErasure } from '../../erasure/member-erasure.js';

export interface MemberErased {
  /** Where the erasure is in the log: reads sent with it (X-Consistent-With) no longer show the member. */
  readonly position: Position | null;
}

export class EraseMember extends Command<MemberErased> {
  constructor(
    readonly userId: string,
    readonly password: string | undefined,
    readonly correlationId?: string,
  ) {
    super();
  }
}

@CommandHandler(EraseMember)
export class EraseMemberHandler implements ICommandHandler<EraseMember> {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly erasure: MemberErasure,
  ) {}

  async execute({ userId, password, correlationId }: EraseMember): Promise<MemberErased> {
    const account = await this.accounts.credentials(userId);
    if (!account) throw new NotFoundException('The account no longer exists.');
    if (password === undefined || !(await this.hasher.verify(account.passwordHash, password)))
      throw new ForbiddenException('Erasing the account needs its current password.');
    return { position: await this.erasure.erase(userId, correlationId) };
  }
}
