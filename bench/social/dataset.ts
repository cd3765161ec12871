import pg from 'pg';
import type { BenchMember } from './members.js';

/** The read models the loads read, as the projections left them. */
export interface DatasetFigures {
  readonly activityRows: number;
  readonly follows: number;
  readonly membersFollowing: number;
  /** Among members who follow anyone. */
  readonly medianFollowing: number;
  /** Follower counts of the most followed members, highest first. */
  readonly mostFollowers: readonly number[];
  /** Members with at least 1,000 followers. */
  readonly membersWithThousandFollowers: number;
  readonly popularFilm: {
    readonly id: string;
    readonly activityRows: number;
    readonly checks: number;
  };
  readonly readers: {
    readonly count: number;
    readonly following: number;
    /** Activity rows of everyone a reader follows: what the feed merges (median over readers). */
    readonly medianFolloweeActivityRows: number;
    /** People a reader follows who checked the popular film: a full friends list (median). */
    readonly medianFriendsWhoChecked: number;
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export async function describeDataset(url: string, readers: readonly BenchMember[]): Promise<DatasetFigures> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const graph = (
      await client.query<{
        activity_rows: number;
        follows: number;
        members_following: number;
        median_following: number;
        thousand: number;
      }>(`
        WITH following AS (SELECT follower_id, count(*)::int AS n FROM follows GROUP BY follower_id),
             followers AS (SELECT followee_id, count(*)::int AS n FROM follows GROUP BY followee_id)
        SELECT (SELECT count(*)::int FROM activity) AS activity_rows,
               (SELECT count(*)::int FROM follows) AS follows,
               (SELECT count(*)::int FROM following) AS members_following,
               (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM following) AS median_following,
               (SELECT count(*)::int FROM followers WHERE n >= 1000) AS thousand`)
    ).rows[0]!;
    const top = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM follows GROUP BY followee_id ORDER BY n DESC LIMIT 5',
    );
    const film = (
      await client.query<{ film_id: string; activity_rows: number; checks: number }>(`
        SELECT film_id, count(*)::int AS activity_rows, count(*) FILTER (WHERE verb = 'checked')::int AS checks
        FROM activity GROUP BY film_id ORDER BY activity_rows DESC LIMIT 1`)
    ).rows[0]!;
    const perReader = await client.query<{ following: number; activity_rows: number; friends: number }>(
      `SELECT count(*)::int AS following,
              coalesce(sum((SELECT count(*) FROM activity WHERE actor_id = follows.followee_id)), 0)::int
                AS activity_rows,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM user_film_state AS state
                WHERE state.user_id = follows.followee_id AND state.film_id = $2 AND state.checked
              ))::int AS friends
       FROM follows WHERE follower_id = ANY($1::uuid[]) GROUP BY follower_id`,
      [readers.map((reader) => reader.id), film.film_id],
    );
    return {
      activityRows: graph.activity_rows,
      follows: graph.follows,
      membersFollowing: graph.members_following,
      medianFollowing: graph.median_following,
      mostFollowers: top.rows.map((row) => row.n),
      membersWithThousandFollowers: graph.thousand,
      popularFilm: { id: film.film_id, activityRows: film.activity_rows, checks: film.checks },
      readers: {
        count: perReader.rows.length,
        following: median(perReader.rows.map((row) => row.following)),
        medianFolloweeActivityRows: median(perReader.rows.map((row) => row.activity_rows)),
        medianFriendsWhoChecked: median(perReader.rows.map((row) => row.friends)),
      },
    };
  } finally {
    await client.end();
  }
}
