import { UnauthorizedException } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AccessTokens } from '../../auth/access-tokens.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import { AccountsRepository } from '../../accounts/accounts.repository.js';

export interface SignedIn {
  readonly user: { readonly id: string; readonly username: string };
  readonly accessToken: string;
}

export class SignIn extends Command<SignedIn> {
  constructor(
    readonly login: string,
    readonly password: string,
  ) {
    super();
  }
}

@CommandHandler(SignIn)
export class SignInHandler implements ICommandHandler<SignIn> {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokens,
  ) {}

  async execute({ login, password }: SignIn): Promise<SignedIn> {
    const account = await this.accounts.findForSignIn(login);
    // The same work and the same answer whether the login or the password is wrong.
    const matches = await this.hasher.verify(account?.passwordHash ?? null, password);
    if (!account || !matches) throw new UnauthorizedException('The login or password is wrong.');
    const user = { id: account.id, username: account.username };
    return { user, accessToken: await this.tokens.issue(user, account.tokenGeneration) };
  }
}
