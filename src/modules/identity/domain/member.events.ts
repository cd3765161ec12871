/**
 * The public contract of a member: one stream per member (`member-{userId}`) and the facts it
 * records, which other features read.
 */

/** Roles an admin grants; every member holds `member` implicitly. */
export const GRANTABLE_ROLES = ['moderator', 'admin'] as const;

export type GrantableRole = (typeof GRANTABLE_ROLES)[number];

export const memberStream = (userId: string): string => `member-${userId}`;

// Events carry ids and facts only: names, emails and credentials stay in the identity tables.
export type MemberEvent =
  | { readonly type: 'MemberRegistered'; readonly data: Record<string, never> }
  | { readonly type: 'RoleGranted'; readonly data: { readonly role: GrantableRole } }
  | { readonly type: 'RoleRevoked'; readonly data: { readonly role: GrantableRole } }
  | {
      readonly type: 'MemberSuspended';
      readonly data: { readonly reason: string; readonly until: string | null };
    }
  // `reason` came later: older events lack it.
  | { readonly type: 'MemberReinstated'; readonly data: { readonly reason?: string | null } }
  /** The member left and asked to be forgotten: every read model drops them (docs/adr/0022). */
  | { readonly type: 'MemberErased'; readonly data: Record<string, never> };

export const MEMBER_EVENT_TYPES: readonly MemberEvent['type'][] = [
  'MemberRegistered',
  'RoleGranted',
  'RoleRevoked',
  'MemberSuspended',
  'MemberReinstated',
  'MemberErased',
];
