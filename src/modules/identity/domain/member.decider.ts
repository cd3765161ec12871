import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import { type GrantableRole, type MemberEvent } from './member.events.js';

export type MemberCommand =
  | { readonly type: 'RegisterMember' }
  | { readonly type: 'GrantRole'; readonly role: GrantableRole }
  | {
      readonly type: 'RevokeRole';
      readonly role: GrantableRole;
      readonly byMemberId: string;
      readonly memberId: string;
    }
  | {
      readonly type: 'SuspendMember';
      readonly reason: string;
      readonly until: string | null;
      /** The moderator; a moderator suspending themselves could not undo it. */
      readonly byMemberId: string;
      readonly memberId: string;
    }
  | { readonly type: 'ReinstateMember'; readonly reason?: string | null }
  | { readonly type: 'EraseMember' };

export interface MemberState {
  readonly registered: boolean;
  readonly roles: readonly GrantableRole[];
  readonly suspended: boolean;
  readonly erased: boolean;
}

export const memberDecider: Decider<MemberCommand, MemberEvent, MemberState> = {
  initialState: { registered: false, roles: [], suspended: false, erased: false },

  decide(command, state) {
    switch (command.type) {
      case 'RegisterMember':
        return state.registered ? [] : [{ type: 'MemberRegistered', data: {} }];
      case 'GrantRole':
        return state.roles.includes(command.role)
          ? []
          : [{ type: 'RoleGranted', data: { role: command.role } }];
      case 'RevokeRole':
        if (!state.roles.includes(command.role)) return [];
        // An admin removing their own admin role could leave nobody able to undo it.
        if (command.role === 'admin' && command.byMemberId === command.memberId)
          throw new DomainRuleViolation('cannot-revoke-own-admin', 'You cannot revoke your own admin role.');
        return [{ type: 'RoleRevoked', data: { role: command.role } }];
      case 'SuspendMember':
        if (command.byMemberId === command.memberId)
          throw new DomainRuleViolation('cannot-suspend-yourself', 'You cannot suspend yourself.');
        return [{ type: 'MemberSuspended', data: { reason: command.reason, until: command.until } }];
      case 'ReinstateMember':
        return state.suspended
          ? [{ type: 'MemberReinstated', data: { reason: command.reason ?? null } }]
          : [];
      case 'EraseMember':
        return state.erased ? [] : [{ type: 'MemberErased', data: {} }];
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MemberRegistered':
        return { ...state, registered: true };
      case 'RoleGranted':
        return { ...state, roles: [...state.roles, event.data.role] };
      case 'RoleRevoked':
        return { ...state, roles: state.roles.filter((role) => role !== event.data.role) };
      case 'MemberSuspended':
        return { ...state, suspended: true };
      case 'MemberReinstated':
        return { ...state, suspended: false };
      case 'MemberErased':
        return { ...state, erased: true };
      default:
        return unreachable(event);
    }
  },
};
