import { Injectable } from '@nestjs/common';
import { Authenticator, type SignedInUser } from '../../../common/auth/index.js';

/** Who reads or acts on a comment: moderators (and admins) see and delete hidden ones. */
export interface CommentViewer {
  readonly id: string;
  readonly moderates: boolean;
}

/** Roles are read live, like the guard reads them, so a revoked moderator loses the view at once. */
@Injectable()
export class CommentViewers {
  constructor(private readonly authenticator: Authenticator) {}

  async of(user: SignedInUser): Promise<CommentViewer> {
    return { id: user.id, moderates: await this.authenticator.holds(user.id, 'moderator') };
  }

  /** Null for an anonymous reader. */
  async ofReader(user: SignedInUser | undefined): Promise<CommentViewer | null> {
    return user ? this.of(user) : null;
  }
}
