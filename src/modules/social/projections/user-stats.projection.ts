import type { RecordedEvent } from '#event-store';
import { addCounts, type Projection, type ProjectionContext } from '#projections';
import { FILM_LOG_EVENT_TYPES, parseFilmLogStream } from '../../film-log/domain/film-log.events.js';
import { tallyMarks, tallyRatings } from '../../film-log/projections/mark-counts.js';
import { FOLLOW_EVENT_TYPES, parseFollowStream, type FollowEvent } from '../domain/follow.events.js';
import { scrubbingErasedMembers } from '../../../platform/personal-data/scrubbing-projection.js';

/** The counts on a member's profile this projection keeps (comments come with the comments feature). */
interface ProfileCounts {
  checked: number;
  favourites: number;
  dislikes: number;
  watchlist: number;
  followers: number;
  following: number;
  ratings: number;
  diary_entries: number;
}

const COLUMNS = [
  'checked',
  'favourites',
  'dislikes',
  'watchlist',
  'followers',
  'following',
  'ratings',
  'diary_entries',
] as const;

const noCounts = (): ProfileCounts => ({
  checked: 0,
  favourites: 0,
  dislikes: 0,
  watchlist: 0,
  followers: 0,
  following: 0,
  ratings: 0,
  diary_entries: 0,
});

const DIARY_CHANGE: Record<string, number> = { ViewingLogged: 1, ViewingDeleted: -1 };

const FOLLOW_CHANGE: Record<FollowEvent['type'], number> = { UserFollowed: 1, UserUnfollowed: -1 };

const isFollowEvent = (event: RecordedEvent): boolean => Object.hasOwn(FOLLOW_CHANGE, event.type);

/**
 * The batch's net change per member: film marks as the film-log counters tally them, and each follow
 * or unfollow counted for both ends (the followee's followers, the follower's following). The
 * decider emits an event only for a real change, so the counts follow from the events alone.
 */
function tallyProfiles(events: readonly RecordedEvent[]): Map<string, ProfileCounts> {
  const tallies = new Map<string, ProfileCounts>();
  const tallyOf = (userId: string): ProfileCounts => {
    const tally = tallies.get(userId) ?? noCounts();
    tallies.set(userId, tally);
    return tally;
  };
  const marks = tallyMarks(events, (event) => parseFilmLogStream(event.streamId).userId);
  for (const [userId, change] of marks) {
    Object.assign(tallyOf(userId), {
      checked: change.checks,
      favourites: change.favourites,
      dislikes: change.dislikes,
      watchlist: change.watchlists,
    });
  }
  for (const [userId, change] of tallyRatings(events, (event) => parseFilmLogStream(event.streamId).userId)) {
    tallyOf(userId).ratings += change.ratings;
  }
  for (const event of events) {
    const change = DIARY_CHANGE[event.type];
    if (change !== undefined) tallyOf(parseFilmLogStream(event.streamId).userId).diary_entries += change;
  }
  for (const event of events.filter(isFollowEvent)) {
    const { followerId, followeeId } = parseFollowStream(event.streamId);
    const change = FOLLOW_CHANGE[event.type as FollowEvent['type']];
    tallyOf(followeeId).followers += change;
    tallyOf(followerId).following += change;
  }
  for (const [userId, tally] of tallies) {
    if (COLUMNS.every((column) => tally[column] === 0)) tallies.delete(userId);
  }
  return tallies;
}

/**
 * Per member: the counts on their profile. Version 2 adds followers and following, so a rebuild
 * from the events fills the columns the social migration added.
 */
const userStatsReadModel: Projection = {
  name: 'user-stats',
  version: 2,
  handles: [...FILM_LOG_EVENT_TYPES, ...FOLLOW_EVENT_TYPES],
  tables: ['user_stats'],

  async apply(events: readonly RecordedEvent[], context: ProjectionContext): Promise<void> {
    await addCounts(context, { name: 'user_stats', key: 'user_id', columns: COLUMNS }, tallyProfiles(events));
  },
};

/** The read model, forgetting erased members. */
export const userStatsProjection = scrubbingErasedMembers(userStatsReadModel, async (members, context) => {
  await context.query(`DELETE FROM ${context.table('user_stats')} WHERE user_id = ANY($1::uuid[])`, [
    members,
  ]);
});
