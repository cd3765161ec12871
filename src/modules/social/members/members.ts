import { Injectable, NotFoundException } from '@nestjs/common';
import { AccountsRepository } from '../../identity/accounts/accounts.repository.js';

export interface MemberReference {
  readonly id: string;
  readonly username: string;
}

/** No member has that username (404). */
export class MemberNotFoundException extends NotFoundException {
  constructor(username: string) {
    // A path segment can be any text: the answer repeats a bounded part of it.
    super(`No member is called ${username.slice(0, 100)}.`);
  }
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
