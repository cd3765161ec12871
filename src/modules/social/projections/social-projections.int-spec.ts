import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import type { Projection } from '#projections';
import { ProjectionSite, seededPick, testEvent, type Write } from '#testing';
import { FILM_LOG_EVENT_TYPES, filmLogStream } from '../../film-log/domain/film-log.events.js';
import { userFilmStateProjection } from '../../film-log/projections/user-film-state.projection.js';
import { followDecider, type FollowCommand, type FollowState } from '../domain/follow.decider.js';
import { followStream } from '../domain/follow.events.js';
import { followsProjection } from './follows.projection.js';
import { userStatsProjection } from './user-stats.projection.js';

const PROJECTIONS = [followsProjection, userStatsProjection, userFilmStateProjection];

const at = (second: number): string => new Date(Date.UTC(2025, 4, 1) + second * 1_000).toISOString();
const fact = (type: string, occurredAt: string, data: Record<string, unknown> = {}): NewEvent =>
  testEvent(type, data, { occurredAt });

const COUNTS = { checked: 0, favourites: 0, dislikes: 0, watchlist: 0, followers: 0, following: 0 };

const followRows = (site: ProjectionSite) =>
  site.rows<{ follower_id: string; followee_id: string; followed_at: Date }>(
    `SELECT follower_id, followee_id, followed_at FROM follows ORDER BY follower_id, followee_id`,
  );

/** user_stats without zero rows (no row reads as zeros) and without updated_at. */
const userStats = (site: ProjectionSite) =>
  site.rows<{ user_id: string } & typeof COUNTS>(
    `SELECT user_id, checked, favourites, dislikes, watchlist, followers, following FROM user_stats
     WHERE (checked, favourites, dislikes, watchlist, followers, following) <> (0, 0, 0, 0, 0, 0)
     ORDER BY user_id`,
  );

/** user_stats as recounted from the follows and user_film_state tables. */
const userStatsRecounted = (site: ProjectionSite) =>
  site.rows(
    `WITH marks AS (
       SELECT user_id, count(*) FILTER (WHERE checked)::int AS checked,
              count(*) FILTER (WHERE favourite)::int AS favourites,
              count(*) FILTER (WHERE disliked)::int AS dislikes,
              count(*) FILTER (WHERE watchlisted)::int AS watchlist
       FROM user_film_state GROUP BY user_id),
     followers AS (SELECT followee_id AS user_id, count(*)::int AS n FROM follows GROUP BY followee_id),
     following AS (SELECT follower_id AS user_id, count(*)::int AS n FROM follows GROUP BY follower_id),
     members AS (SELECT user_id FROM marks UNION SELECT user_id FROM followers UNION SELECT user_id FROM following)
     SELECT members.user_id, coalesce(marks.checked, 0) AS checked, coalesce(marks.favourites, 0) AS favourites,
            coalesce(marks.dislikes, 0) AS dislikes, coalesce(marks.watchlist, 0) AS watchlist,
            coalesce(followers.n, 0) AS followers, coalesce(following.n, 0) AS following
     FROM members LEFT JOIN marks USING (user_id) LEFT JOIN followers USING (user_id)
          LEFT JOIN following USING (user_id)
     ORDER BY members.user_id`,
  );

/**
 * Random follows, unfollows and film checks among a few members, decided by the deciders (so every
 * stream is a history they could have written); with the follows rows they must give.
 */
function randomHistory(members: number, minEvents: number, seed: number) {
  const pick = seededPick(seed);
  const userIds = Array.from({ length: members }, () => randomUUID());
  const filmIds = Array.from({ length: 3 }, () => randomUUID());
  const follows = new Map<string, { followerId: string; followeeId: string; state: FollowState }>();
  const checked = new Set<string>();
  const writes: Write[] = [];
  for (let tick = 0; writes.length < minEvents; tick += 1) {
    const [actor, other] = [userIds[pick(members)]!, userIds[pick(members)]!];
    if (pick(4) === 0) {
      // A check or uncheck, so film counts and follow counts share batches.
      const stream = filmLogStream(actor, filmIds[pick(filmIds.length)]!);
      const type = checked.has(stream) ? 'FilmUnchecked' : 'FilmChecked';
      if (checked.has(stream)) checked.delete(stream);
      else checked.add(stream);
      writes.push([stream, [fact(type, at(tick), type === 'FilmChecked' ? { watchedOn: null } : {})]]);
      continue;
    }
    if (actor === other) continue;
    const stream = followStream(actor, other);
    const before = follows.get(stream)?.state ?? followDecider.initialState;
    const command: FollowCommand =
      pick(3) === 0 ? { type: 'Unfollow' } : { type: 'Follow', followerId: actor, followeeId: other };
    const decided = followDecider.decide(command, before);
    if (decided.length === 0) continue;
    const state = followDecider.evolve(before, { ...decided[0]!, occurredAt: at(tick) });
    follows.set(stream, { followerId: actor, followeeId: other, state });
    writes.push([stream, [fact(decided[0]!.type, at(tick))]]);
  }
  const rows = [...follows.values()]
    .filter(({ state }) => state.following)
    .map(({ followerId, followeeId, state }) => ({
      follower_id: followerId,
      followee_id: followeeId,
      followed_at: new Date(state.since!),
    }))
    .sort((a, b) => `${a.follower_id}.${a.followee_id}`.localeCompare(`${b.follower_id}.${b.followee_id}`));
  return { writes, rows };
}

describe('social projections', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open(PROJECTIONS);
  });

  afterAll(async () => {
    await site.close();
  });

  const followsOf = async (followerId: string, on = site) =>
    (await followRows(on)).filter((row) => row.follower_id === followerId);

  const statsOf = async (userId: string, on = site) =>
    (
      await on.rows(
        `SELECT checked, favourites, dislikes, watchlist, followers, following FROM user_stats WHERE user_id = $1`,
        [userId],
      )
    )[0] ?? COUNTS;

  it('folds a follow, an unfollow and a follow again of one pair in one batch into one row from the last follow', async () => {
    const [ana, ben, cleo] = [randomUUID(), randomUUID(), randomUUID()];
    // Applied directly on a site of its own: the engine may split freshly appended events over batches.
    await ProjectionSite.withFresh(1, PROJECTIONS, async (fresh) => {
      const applied = await fresh.applyAtOnce([
        [
          followStream(ana, ben),
          [fact('UserFollowed', at(1)), fact('UserUnfollowed', at(2)), fact('UserFollowed', at(3))],
        ],
        [followStream(ana, cleo), [fact('UserFollowed', at(4)), fact('UserUnfollowed', at(5))]],
      ]);

      expect(applied).toBe(5);
      expect(await followsOf(ana, fresh)).toEqual([
        { follower_id: ana, followee_id: ben, followed_at: new Date(at(3)) },
      ]);
      expect(await statsOf(ana, fresh)).toEqual({ ...COUNTS, following: 1 });
      expect(await statsOf(ben, fresh)).toEqual({ ...COUNTS, followers: 1 });
      expect(await statsOf(cleo, fresh)).toEqual(COUNTS);
    });
  });

  it('removes the row and lowers both counts when a later batch unfollows, and keeps film counts apart', async () => {
    const [ana, ben, filmId] = [randomUUID(), randomUUID(), randomUUID()];
    await site.project([
      [followStream(ana, ben), [fact('UserFollowed', at(1))]],
      [followStream(ben, ana), [fact('UserFollowed', at(2))]],
      [
        filmLogStream(ana, filmId),
        [fact('FilmChecked', at(3), { watchedOn: null }), fact('FilmFavourited', at(3))],
      ],
    ]);
    expect(await statsOf(ana)).toEqual({ ...COUNTS, checked: 1, favourites: 1, followers: 1, following: 1 });

    await site.project([[followStream(ana, ben), [fact('UserUnfollowed', at(4))]]]);
    expect(await followsOf(ana)).toEqual([]);
    expect(await followsOf(ben)).toEqual([
      { follower_id: ben, followee_id: ana, followed_at: new Date(at(2)) },
    ]);
    expect(await statsOf(ana)).toEqual({ ...COUNTS, checked: 1, favourites: 1, followers: 1 });
    expect(await statsOf(ben)).toEqual({ ...COUNTS, following: 1 });

    await site.project([[followStream(ana, ben), [fact('UserFollowed', at(5))]]]);
    expect(await followsOf(ana)).toEqual([
      { follower_id: ana, followee_id: ben, followed_at: new Date(at(5)) },
    ]);
    expect(await statsOf(ben)).toEqual({ ...COUNTS, followers: 1, following: 1 });
  });

  it('gives the same tables from 1,500 events in one batch as from one batch per event', async () => {
    const history = randomHistory(12, 1_500, 20_250_501);
    await ProjectionSite.withFresh(2, PROJECTIONS, async (whole, single) => {
      const [applied] = await Promise.all([
        whole.applyAtOnce(history.writes),
        single.project(history.writes, { batchSize: 1 }),
      ]);
      expect(applied).toBe(history.writes.length);
      expect(single.batchSizes('user-stats')).toHaveLength(history.writes.length);

      expect(await followRows(whole)).toEqual(history.rows);
      expect(await followRows(single)).toEqual(history.rows);
      const stats = await userStats(whole);
      expect(stats.some((row) => row.followers > 0)).toBe(true);
      expect(stats.some((row) => row.checked > 0)).toBe(true);
      expect(stats).toEqual(await userStatsRecounted(whole));
      expect(await userStats(single)).toEqual(stats);
    });
  }, 120_000);

  it('rebuilds the same tables from the events', async () => {
    const history = randomHistory(8, 400, 19_991_231);
    await site.project(history.writes, { batchSize: 50 });
    const before = { follows: await followRows(site), userStats: await userStats(site) };
    expect(before.follows).toEqual(expect.arrayContaining(history.rows));
    expect(before.userStats).toEqual(await userStatsRecounted(site));

    // Spoiled read models, so only a rebuild from the events can give the tables back.
    await site.pool.query(`UPDATE user_stats SET followers = followers + 3, following = 0`);
    await site.pool.query(`DELETE FROM follows WHERE followed_at < $1`, [at(200)]);
    await site.project([], { batchSize: 50, rebuild: true });

    expect({ follows: await followRows(site), userStats: await userStats(site) }).toEqual(before);
  }, 60_000);

  it('fills followers and following of a store projected by the film-log-only version 1 once version 2 starts', async () => {
    await ProjectionSite.withFresh(1, PROJECTIONS, async (fresh) => {
      const filmLogOnly: Projection = { ...userStatsProjection, version: 1, handles: FILM_LOG_EVENT_TYPES };
      const [ana, ben, filmId] = [randomUUID(), randomUUID(), randomUUID()];
      await fresh.project(
        [
          [followStream(ana, ben), [fact('UserFollowed', at(1))]],
          [filmLogStream(ben, filmId), [fact('FilmAddedToWatchlist', at(2))]],
        ],
        { projections: [filmLogOnly] },
      );
      expect(await userStats(fresh)).toEqual([{ user_id: ben, ...COUNTS, watchlist: 1 }]);

      await fresh.project([], { projections: [userStatsProjection] });
      const expected = [
        { user_id: ana, ...COUNTS, following: 1 },
        { user_id: ben, ...COUNTS, watchlist: 1, followers: 1 },
      ].sort((a, b) => a.user_id.localeCompare(b.user_id));
      expect(await userStats(fresh)).toEqual(expected);
    });
  }, 60_000);
});
