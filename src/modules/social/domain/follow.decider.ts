import { DomainRuleViolation, unreachable, type Decider } from '#decider';
import type { FollowEvent } from './follow.events.js';

export type FollowCommand =
  | { readonly type: 'Follow'; readonly followerId: string; readonly followeeId: string }
  | { readonly type: 'Unfollow' };

export interface FollowState {
  readonly following: boolean;
  /** When the current follow began (ISO 8601); null when not following. */
  readonly since: string | null;
}

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
