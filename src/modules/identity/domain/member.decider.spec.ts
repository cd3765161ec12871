import { DomainRuleViolation, given } from '#decider';
import { memberDecider } from './member.decider.js';
import { type MemberEvent } from './member.events.js';

const registered: MemberEvent = { type: 'MemberRegistered', data: {} };
const granted = (role: 'moderator' | 'admin'): MemberEvent => ({ type: 'RoleGranted', data: { role } });
const revoked = (role: 'moderator' | 'admin'): MemberEvent => ({ type: 'RoleRevoked', data: { role } });
const suspended: MemberEvent = { type: 'MemberSuspended', data: { reason: 'spam', until: null } };

const ADMIN_ID = 'a0000000-0000-4000-8000-000000000001';
const MEMBER_ID = 'b0000000-0000-4000-8000-000000000002';

describe('member decider', () => {
  it('registers once', () => given(memberDecider, []).when({ type: 'RegisterMember' }).then([registered]));

  it('registering again changes nothing', () =>
    given(memberDecider, [registered]).when({ type: 'RegisterMember' }).then([]));

  it('grants a role', () =>
    given(memberDecider, [registered])
      .when({ type: 'GrantRole', role: 'moderator' })
      .then([granted('moderator')]));

  it('granting a held role changes nothing', () =>
    given(memberDecider, [registered, granted('admin')])
      .when({ type: 'GrantRole', role: 'admin' })
      .then([]));

  it('grants again after a revocation', () =>
    given(memberDecider, [registered, granted('moderator'), revoked('moderator')])
      .when({ type: 'GrantRole', role: 'moderator' })
      .then([granted('moderator')]));

  it('revokes a held role', () =>
    given(memberDecider, [registered, granted('moderator'), granted('admin')])
      .when({ type: 'RevokeRole', role: 'moderator', byMemberId: ADMIN_ID, memberId: MEMBER_ID })
      .thenState({ registered: true, roles: ['admin'], suspended: false, erased: false }));

  it('revoking a role not held changes nothing', () =>
    given(memberDecider, [registered])
      .when({ type: 'RevokeRole', role: 'admin', byMemberId: ADMIN_ID, memberId: MEMBER_ID })
      .then([]));

  it('an admin cannot revoke their own admin role', () =>
    given(memberDecider, [registered, granted('admin')])
      .when({ type: 'RevokeRole', role: 'admin', byMemberId: ADMIN_ID, memberId: ADMIN_ID })
      .thenThrows(DomainRuleViolation, { code: 'cannot-revoke-own-admin' }));

  it('an admin may give up their own moderator role', () =>
    given(memberDecider, [registered, granted('admin'), granted('moderator')])
      .when({ type: 'RevokeRole', role: 'moderator', byMemberId: ADMIN_ID, memberId: ADMIN_ID })
      .then([revoked('moderator')]));

  it('suspends, and a new suspension replaces the terms', () =>
    given(memberDecider, [registered, suspended])
      .when({
        type: 'SuspendMember',
        reason: 'abuse',
        until: '2027-01-01T00:00:00.000Z',
        byMemberId: ADMIN_ID,
        memberId: MEMBER_ID,
      })
      .then([{ type: 'MemberSuspended', data: { reason: 'abuse', until: '2027-01-01T00:00:00.000Z' } }]));

  it('reinstates a suspended member, with the reason when one is given', () => {
    given(memberDecider, [registered, suspended])
      .when({ type: 'ReinstateMember' })
      .then([{ type: 'MemberReinstated', data: { reason: null } }]);
    given(memberDecider, [registered, suspended])
      .when({ type: 'ReinstateMember', reason: 'appeal upheld' })
      .then([{ type: 'MemberReinstated', data: { reason: 'appeal upheld' } }]);
  });

  it('a moderator cannot suspend themselves', () =>
    given(memberDecider, [registered, granted('moderator')])
      .when({
        type: 'SuspendMember',
        reason: 'test',
        until: null,
        byMemberId: MEMBER_ID,
        memberId: MEMBER_ID,
      })
      .thenThrows(DomainRuleViolation, { code: 'cannot-suspend-yourself' }));

  it('an old reinstatement without a reason still lifts the suspension', () =>
    given(memberDecider, [registered, suspended, { type: 'MemberReinstated', data: {} }])
      .when({ type: 'ReinstateMember' })
      .then([]));

  it('reinstating an active member changes nothing', () =>
    given(memberDecider, [registered]).when({ type: 'ReinstateMember' }).then([]));
});
