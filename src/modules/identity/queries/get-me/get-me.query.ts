import { NotFoundException } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AccountsRepository, type AccountProfile } from '../../accounts/accounts.repository.js';

export class GetMe extends Query<AccountProfile> {
  constructor(readonly userId: string) {
    super();
  }
}

@QueryHandler(GetMe)
export class GetMeHandler implements IQueryHandler<GetMe> {
  constructor(private readonly accounts: AccountsRepository) {}

  async execute({ userId }: GetMe): Promise<AccountProfile> {
    const profile = await this.accounts.profile(userId);
    if (!profile) throw new NotFoundException('The account no longer exists.');
    return profile;
  }
}
