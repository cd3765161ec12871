import { Authenticator, type MemberAccess, type SignedInUser } from '../../../common/auth/index.js';
import type { AccountsRepository } from '../accounts/accounts.repository.js';
import type { AccessTokens } from './access-tokens.js';

export class MemberAuthenticator extends Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly accounts: AccountsRepository,
  ) {
    super();
  }

  verifyAccessToken(token: string): Promise<SignedInUser | null> {
    return this.tokens.verify(token);
  }

  accessOf(userId: string): Promise<MemberAccess | null> {
    return this.accounts.access(userId);
  }
}
