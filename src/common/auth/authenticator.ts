import type { Role, SignedInUser } from './signed-in-user.js';

/** What the guard needs to know about a member beyond the token: current roles and status. */
export interface MemberAccess {
  readonly roles: readonly Role[];
  readonly suspended: boolean;
  /** The terms of a suspension in force: the moderator's reason, and its end (null: until reinstated). */
  readonly suspension?: { readonly reason: string | null; readonly until: string | null };
}

/** Implemented by the identity module; the guard stays free of token and storage details. */
export abstract class Authenticator {
  /** The user a token names, or null when the token is invalid or expired. */
  abstract verifyAccessToken(token: string): Promise<SignedInUser | null>;
  /** Live roles and status; null when the account no longer exists. */
  abstract accessOf(userId: string): Promise<MemberAccess | null>;

  /**
   * Drops anything this process keeps of the member's access, so a change that has just taken
   * effect (a suspension) is read live by the very next request here.
   */
  forget(userId: string): void {
    void userId;
  }

  /** Whether the member holds the role (or a higher one) now; false when the account is gone. */
  async holds(userId: string, role: Role): Promise<boolean> {
    const access = await this.accessOf(userId);
    return access !== null && holdsRole(access.roles, role);
  }
}

const RANK: Record<Role, number> = { member: 0, moderator: 1, admin: 2 };

/** An admin can do everything a moderator can, and both everything a member can. */
export const holdsRole = (roles: readonly Role[], required: Role): boolean =>
  roles.some((role) => RANK[role] >= RANK[required]);
