import { NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccountsRepository } from '../../accounts/accounts.repository.js';
import { MemberAccessCache } from '../../auth/member-access-cache.js';

export class SignOutEverywhere extends Command<void> {
  constructor(readonly userId: string) {
    super();
  }
}

/**
 * Moves the member to the next token generation: every access token and web session issued
 * before, the caller's own included, is refused from the next request on (docs/adr/0021).
 */
@CommandHandler(SignOutEverywhere)
export class SignOutEverywhereHandler implements ICommandHandler<SignOutEverywhere> {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly access: MemberAccessCache,
  ) {}

  async execute({ userId }: SignOutEverywhere): Promise<void> {
    if (!(await this.accounts.endSessions(userId)))
      throw new NotFoundException('The account no longer exists.');
    // Other processes drop it on the notification committed with the change; this one at once.
    this.access.forget(userId);
  }
}
