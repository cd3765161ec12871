import { isUuid } from '../../../common/uuid.js';
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { SignedInUser } from '../../../common/auth/index.js';

interface AccessTokenClaims {
  readonly sub: string;
  readonly name: string;
  /** The member's token generation when it was issued; tokens from before it existed lack it and are of 0. */
  readonly gen: number;
}

/** A token's member, and the generation it belongs to (compared with the member's own, live). */
export interface VerifiedToken {
  readonly user: SignedInUser;
  readonly generation: number;
}

const ALGORITHM = 'HS256';
/** Tokens verified recently, by their text: a member's token comes back on every request. */
const DEFAULT_REMEMBERED = 20_000;

interface Verified {
  readonly token: VerifiedToken;
  /** The token's `exp`, in ms. */
  readonly expiresAt: number;
}

/**
 * Short-lived HS256 tokens naming the member and their token generation; roles are not in them, so
 * a revocation is immediate, and whether the generation is still the member's is read live.
 */
export class AccessTokens {
  private readonly jwt: JwtService;
  /**
   * A token's text fixes its claims and signature, so once verified they stay valid until its
   * `exp`; what can revoke it (the member's generation, roles, suspension) is read live by the
   * caller. Checked against the clock on every use.
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

  /** `generation` is the member's current one: 0 until they first sign out everywhere. */
  issue(user: SignedInUser, generation = 0): Promise<string> {
    const claims: AccessTokenClaims = { sub: user.id, name: user.username, gen: generation };
    return this.jwt.signAsync(claims, { algorithm: ALGORITHM, expiresIn: this.ttlSeconds });
  }

  async verify(token: string): Promise<VerifiedToken | null> {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.expiresAt) return known.token;
      this.verified.delete(token);
      return null;
    }
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims & { exp: number }>>(token, {
        algorithms: [ALGORITHM],
      });
      if (typeof claims.sub !== 'string' || !isUuid(claims.sub) || typeof claims.name !== 'string')
        return null;
      const generation = claims.gen ?? 0;
      if (!Number.isSafeInteger(generation) || generation < 0) return null;
      const verified = { user: { id: claims.sub, username: claims.name }, generation };
      if (typeof claims.exp === 'number')
        this.remember(token, { token: verified, expiresAt: claims.exp * 1000 });
      return verified;
    } catch {
      return null;
    }
  }

  private remember(token: string, verified: Verified): void {
    if (this.verified.size >= this.remembered) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, verified);
  }
}
