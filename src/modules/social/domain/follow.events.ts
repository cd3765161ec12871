/**
 * The public contract of following: one stream per follower and followee
 * (`follow-{followerId}.{followeeId}`) and the facts it records.
 */

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

export const FOLLOW_EVENT_TYPES: readonly FollowEvent['type'][] = ['UserFollowed', 'UserUnfollowed'];
