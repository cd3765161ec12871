import { DomainRuleViolation, unreachable, type Decider } from '#decider';

/** One stream per follower and followee: every follow and unfollow between the two, in order. */
export const followStream = (followerId: string, followeeId: string): string =>
  `follow-${followerId}.${followeeId}`;

export const FOLLOW_STREAM_PREFIX = 'follow-';

/** The follower and followee a follow stream belongs to. */
export function parseFollowStream(streamId: string): { followerId: string; followeeId: string } {
  const separator = streamId.indexOf('.', FOLLOW_STREAM_PREFIX.length);
  if (!streamId.startsWith(FOLLOW_STREAM_PREFIX) || separator < 0) {
    throw new RangeError(`Not a follow stream: ${streamId}`);
  }
  return {
    followerId: streamId.slice(FOLLOW_STREAM_PREFIX.length, separator),
    followeeId: streamId.slice(separator + 1),
  };
}

type NoData = Record<string, never>;

export type FollowEvent =
  | { readonly type: 'UserFollowed'; readonly data: NoData; readonly occurredAt?: string }
  | { readonly type: 'UserUnfollowed'; readonly data: NoData; readonly occurredAt?: string };

export type FollowCommand =
  | { readonly type: 'Follow'; readonly followerId: string; readonly followeeId: string }
  | { readonly type: 'Unfollow' };

export interface FollowState {
  readonly following: boolean;
  /** When the current follow began (ISO 8601); null when not following. */
  readonly since: string | null;
}

export const FOLLOW_EVENT_TYPES: readonly FollowEvent['type'][] = ['UserFollowed', 'UserUnfollowed'];

export const followDecider: Decider<FollowCommand, FollowEvent, FollowState> = {
  initialState: { following: false, since: null },

  decide(command, state) {
    switch (command.type) {
      case 'Follow':
        if (command.followerId === command.followeeId) {
          throw new DomainRuleViolation('cannot-follow-yourself', 'You cannot follow yourself.');
        }
        return state.following ? [] : [{ type: 'UserFollowed', data: {} }];
      case 'Unfollow':
        return state.following ? [{ type: 'UserUnfollowed', data: {} }] : [];
      default:
        return unreachable(command);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'UserFollowed':
        return { following: true, since: event.occurredAt ?? null };
      case 'UserUnfollowed':
        return { following: false, since: null };
      default:
        return unreachable(event);
    }
  },
};
