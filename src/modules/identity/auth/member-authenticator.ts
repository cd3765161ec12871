import { Authenticator, type MemberAccess, type SignedInUser } from '../../../common/auth/index.js';
import type { AccessTokens } from './access-tokens.js';
import type { MemberAccessCache } from './member-access-cache.js';

export class MemberAuthenticator extends Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly access: MemberAccessCache,
  ) {
    super();
  }

  verifyAccessToken(token: string): Promise<SignedInUser | null> {
    return this.tokens.verify(token);
  }

  accessOf(userId: string): Promise<MemberAccess | null> {
    return this.access.access(userId);
  }

  override forget(userId: string): void {
    this.access.forget(userId);
  }
}
