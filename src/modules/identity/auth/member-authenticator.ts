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

  /** A token of an earlier generation than the member's (signed out everywhere since) is as invalid as an expired one. */
  async verifyAccessToken(token: string): Promise<SignedInUser | null> {
    const verified = await this.tokens.verify(token);
    if (!verified) return null;
    const access = await this.access.access(verified.user.id);
    if (access && access.tokenGeneration !== verified.generation) return null;
    return verified.user;
  }

  accessOf(userId: string): Promise<MemberAccess | null> {
    return this.access.access(userId);
  }

  override forget(userId: string): void {
    this.access.forget(userId);
  }
}
