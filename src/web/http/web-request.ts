import type { Request } from 'express';
import type { Role, SignedInUser } from '../../common/auth/index.js';

/** The signed-in member as the pages see them: who, what they may do, and whether they may write. */
export interface Reader extends SignedInUser {
  readonly roles: readonly Role[];
  readonly suspended: boolean;
  /** Why and until when, while suspended: the pages say so next to the disabled controls. */
  readonly suspensionDetail: string | null;
}

/** A page request after the web guard: the reader (null when anonymous) and the form token. */
export interface WebRequest extends Request {
  user?: SignedInUser;
  reader?: Reader | null;
  cookies: Record<string, string | undefined>;
}
