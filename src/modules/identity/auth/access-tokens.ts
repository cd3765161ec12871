import { isUuid } from '../../../common/uuid.js';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { SignedInUser } from '../../../common/auth/index.js';

interface AccessTokenClaims {
  readonly sub: string;
  readonly name: string;
}

const ALGORITHM = 'HS256';
/** Tokens verified recently, by their text: a member's token comes back on every request. */
const DEFAULT_REMEMBERED = 20_000;

interface Verified {
  readonly user: SignedInUser;
  /** The token's `exp`, in ms. */
  readonly expiresAt: number;
}

/** Short-lived HS256 tokens naming the member; roles are not in them, so a revocation is immediate. */
export class AccessTokens {
  private readonly jwt: JwtService;
  /**
   * A token's text fixes its claims and signature, so once verified it stays valid until its
   * `exp` (tokens are not revoked: roles and suspension are read live). Checked against the clock
   * on every use.
   */
  private readonly verified = new Map<string, Verified>();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly remembered = DEFAULT_REMEMBERED,
  ) {
    // A KeyObject, made once: given a string, jsonwebtoken tries to parse it as a PEM public key on
    // every verification before falling back to a secret, which was most of a request's CPU time.
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(secret, 'utf8')) });
  }

  issue(user: SignedInUser): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, name: user.username };
    return this.jwt.signAsync(claims, { algorithm: ALGORITHM, expiresIn: this.ttlSeconds });
  }

  async verify(token: string): Promise<SignedInUser | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known.user;
      this.verified.delete(token);
      return null;
    }
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims & { exp: number }>>(token, {
        algorithms: [ALGORITHM],
      });
      if (typeof claims.sub !== 'string' || !isUuid(claims.sub) || typeof claims.name !== 'string')
        return null;
      const user = { id: claims.sub, username: claims.name };
      if (typeof claims.exp === 'number') this.remember(token, { user, expiresAt: claims.exp * 1000 });
      return user;
    } catch {
      return null;
    }
  }

  private remember(token: string, verified: Verified): void {
    if (this.verified.size >= this.remembered) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
  }
}
