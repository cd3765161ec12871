import { DomainRuleViolation, given } from '#decider';
import { followDecider } from './follow.decider.js';
import { followStream, parseFollowStream, type FollowEvent } from './follow.events.js';

const ana = '0b7c3e1a-1f1e-4c44-9a53-6c1f0f7a0001';
const ben = '0b7c3e1a-1f1e-4c44-9a53-6c1f0f7a0002';
const follow = { type: 'Follow', followerId: ana, followeeId: ben } as const;
const followed: FollowEvent = { type: 'UserFollowed', data: {} };
const unfollowed: FollowEvent = { type: 'UserUnfollowed', data: {} };

describe('follow decider', () => {
  it('follows someone not yet followed', () => given(followDecider).when(follow).then([followed]));

  it('follows again after an unfollow', () =>
    given(followDecider, [followed, unfollowed]).when(follow).then([followed]));

  it('changes nothing when already following', () => given(followDecider, [followed]).when(follow).then([]));

  it('unfollows someone followed', () =>
    given(followDecider, [followed]).when({ type: 'Unfollow' }).then([unfollowed]));

  it('changes nothing when unfollowing someone not followed', () => {
    given(followDecider).when({ type: 'Unfollow' }).then([]);
    given(followDecider, [followed, unfollowed]).when({ type: 'Unfollow' }).then([]);
  });

  it('refuses following yourself', () =>
    given(followDecider)
      .when({ type: 'Follow', followerId: ana, followeeId: ana })
      .thenThrows(DomainRuleViolation, { code: 'cannot-follow-yourself' }));

  it('knows since when the follow holds', () => {
    given(followDecider, [{ ...followed, occurredAt: '2026-01-02T03:04:05.000Z' }])
      .when({ type: 'Unfollow' })
      .thenState({ following: false, since: null });
    given(followDecider).when(follow).thenState({ following: true, since: null });
  });

  it('names its stream after both members and reads them back', () => {
    expect(parseFollowStream(followStream(ana, ben))).toEqual({ followerId: ana, followeeId: ben });
    expect(() => parseFollowStream(`filmlog-${ana}.${ben}`)).toThrow(RangeError);
  });
});
