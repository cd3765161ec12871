import { Injectable } from '@nestjs/common';
import { AccountsRepository } from '../../identity/accounts/accounts.repository.js';
import { MemberNotFoundException } from './member-errors.js';

export interface MemberReference {
  readonly id: string;
  readonly username: string;
}

/** Members named in a path: the username matches in any case. */
@Injectable()
export class Members {
  constructor(private readonly accounts: AccountsRepository) {}

  async byUsername(username: string): Promise<MemberReference> {
    const member = await this.accounts.findByUsername(username);
    if (!member) throw new MemberNotFoundException(username);
    return member;
  }
}
