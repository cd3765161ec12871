import { isUuid } from '../../../common/uuid.js';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { SignedInUser } from '../../../common/auth/index.js';

interface AccessTokenClaims {
  readonly sub: string;
  readonly name: string;
}

const ALGORITHM = 'HS256';

/** Short-lived HS256 tokens naming the member; roles are not in them, so a revocation is immediate. */
export class AccessTokens {
  private readonly jwt: JwtService;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
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
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token, {
        algorithms: [ALGORITHM],
      });
      if (typeof claims.sub !== 'string' || !isUuid(claims.sub) || typeof claims.name !== 'string')
        return null;
      return { id: claims.sub, username: claims.name };
    } catch {
      return null;
    }
  }
}
