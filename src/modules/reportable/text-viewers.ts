import { Injectable } from '@nestjs/common';
import { Authenticator, type SignedInUser } from '../../common/auth/index.js';
import { seenBy, type TextViewer } from './domain/reportable.js';

/** Roles are read live, like the guard reads them, so a revoked moderator loses the view at once. */
@Injectable()
export class TextViewers {
  constructor(private readonly authenticator: Authenticator) {}

  async of(user: SignedInUser): Promise<TextViewer> {
    return { id: user.id, moderates: await this.authenticator.holds(user.id, 'moderator') };
  }

  /** Null for an anonymous reader. */
  async ofReader(user: SignedInUser | undefined): Promise<TextViewer | null> {
    return user ? this.of(user) : null;
  }

  /** Whether the reader sees the text; roles are looked up for a hidden one only. */
  async see(
    text: { readonly hidden: boolean; readonly authorId: string },
    reader: SignedInUser | undefined,
  ): Promise<boolean> {
    return !text.hidden || seenBy(text, await this.ofReader(reader));
  }
}
