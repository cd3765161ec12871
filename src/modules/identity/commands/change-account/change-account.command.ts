import { ConflictException, ForbiddenException, NotFoundException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AccountTakenError,
  AccountsRepository,
  type AccountProfile,
} from '../../accounts/accounts.repository.js';
import { AccessTokens } from '../../auth/access-tokens.js';
import { MemberAccessCache } from '../../auth/member-access-cache.js';
import { PasswordHasher } from '../../auth/password-hasher.js';

/** The account as it now is; with a new password, the token that replaces the ones it ended. */
export interface AccountChanged extends AccountProfile {
  readonly accessToken?: string;
}

export class ChangeAccount extends Command<AccountChanged> {
  constructor(
    readonly userId: string,
    readonly currentPassword: string,
    readonly email?: string,
    readonly password?: string,
  ) {
    super();
  }
}

/**
 * Email and password live in the account row, never in events, so this is no event either. A new
 * password ends every other session (someone who knew the old one is out) and keeps the caller's,
 * through a token of the new generation, as GitHub and Letterboxd do.
 */
@CommandHandler(ChangeAccount)
export class ChangeAccountHandler implements ICommandHandler<ChangeAccount> {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokens,
    private readonly access: MemberAccessCache,
  ) {}

  async execute({ userId, currentPassword, email, password }: ChangeAccount): Promise<AccountChanged> {
    const account = await this.accounts.credentials(userId);
    if (!account) throw new NotFoundException('The account no longer exists.');
    if (!(await this.hasher.verify(account.passwordHash, currentPassword))) throw wrongPassword();
    const passwordHash = password === undefined ? undefined : await this.hasher.hash(password);
    const generation = await this.accounts
      .changeCredentials(userId, account.passwordHash, { email, passwordHash, endSessions: !!passwordHash })
      .catch((error: unknown) => {
        if (error instanceof AccountTakenError)
          throw new ConflictException('That email is already registered.');
        throw error;
      });
    // Null: the password changed between the check and the write, so the one given is no longer it.
    if (generation === null) throw wrongPassword();
    this.access.forget(userId);
    const profile = await this.accounts.profile(userId);
    if (!profile) throw new NotFoundException('The account no longer exists.');
    if (!passwordHash) return profile;
    const accessToken = await this.tokens.issue({ id: userId, username: account.username }, generation);
    return { ...profile, accessToken };
  }
}

const wrongPassword = (): ForbiddenException => new ForbiddenException('The current password is wrong.');
