import type { RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';
import { followDecider, type FollowState } from '../domain/follow.decider.js';
import { FOLLOW_EVENT_TYPES, parseFollowStream, type FollowEvent } from '../domain/follow.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

interface Pair {
  readonly followerId: string;
  readonly followeeId: string;
  state: FollowState;
}

/**
 * Who follows whom, and since when. A pair's last event decides its row, so a batch is folded per
 * pair in memory (with the decider's own `evolve`) without reading the table: one upsert of the
 * pairs left following, one delete of those left not following.
 */
const followsReadModel: Projection = {
  name: 'follows',
  version: 1,
  handles: FOLLOW_EVENT_TYPES,
  tables: ['follows'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    const pairs = new Map<string, Pair>();
    for (const event of events) {
      const pair = pairs.get(event.streamId) ?? {
        ...parseFollowStream(event.streamId),
        state: followDecider.initialState,
      };
      const fact = {
        type: event.type,
        data: event.data,
        occurredAt: event.metadata.occurredAt,
      } as FollowEvent;
      pair.state = followDecider.evolve(pair.state, fact);
      pairs.set(event.streamId, pair);
    }
    // Sorted, so rows are always locked in one order.
    const folded = [...pairs.keys()].sort().map((key) => pairs.get(key)!);
    const following = folded.filter((pair) => pair.state.following);
    const ended = folded.filter((pair) => !pair.state.following);
    const table = context.table('follows');

    if (following.length > 0) {
      await context.query(
        `INSERT INTO ${table} (follower_id, followee_id, followed_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[])
         ON CONFLICT (follower_id, followee_id) DO UPDATE SET followed_at = EXCLUDED.followed_at`,
        [
          following.map((pair) => pair.followerId),
          following.map((pair) => pair.followeeId),
          following.map((pair) => pair.state.since),
        ],
      );
    }
    if (ended.length > 0) {
      await context.query(
        `DELETE FROM ${table} AS follow
         USING unnest($1::uuid[], $2::uuid[]) AS pair(follower_id, followee_id)
         WHERE follow.follower_id = pair.follower_id AND follow.followee_id = pair.followee_id`,
        [ended.map((pair) => pair.followerId), ended.map((pair) => pair.followeeId)],
      );
    }
  },
};

/** The read model, forgetting erased members. */
export const followsProjection = scrubbingErasedMembers(followsReadModel, async (members, context) => {
  await context.query(
    `DELETE FROM ${context.table('follows')} WHERE follower_id = ANY($1::uuid[]) OR followee_id = ANY($1::uuid[])`,
    [members],
  );
});
