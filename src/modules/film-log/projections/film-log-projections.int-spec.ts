import { randomUUID } from 'node:crypto';
import type { NewEvent } from '#event-store';
import { ProjectionSite, testEvent } from '#testing';
import { randomFilmLogHistory } from '../testing/film-log-history.js';
import { hasMarks } from '../testing/recount.js';
import { type FilmLogCommand } from '../domain/film-log.decider.js';
import { filmLogStream, type FilmLogEvent } from '../domain/film-log.events.js';
import { filmStatsProjection } from './film-stats.projection.js';
import { userFilmStateProjection } from './user-film-state.projection.js';
import { userStatsProjection } from '../../social/projections/user-stats.projection.js';

const PROJECTIONS = [userFilmStateProjection, filmStatsProjection, userStatsProjection];
const NAMES = PROJECTIONS.map((projection) => projection.name);

const fact = (type: FilmLogEvent['type'], data: object = {}, occurredAt?: string): NewEvent =>
  testEvent(type, { ...data }, occurredAt ? { occurredAt } : {});

/** The three tables (without updated_at); a counter row of zeros reads like no row, as the API reads it. */
async function tables(site: ProjectionSite) {
  return {
    userFilmState: await site.rows(
      `SELECT user_id, film_id, checked, checked_at, watched_on::text, favourite, disliked, watchlisted
       FROM user_film_state ORDER BY user_id, film_id`,
    ),
    filmStats: await site.rows(
      `SELECT film_id, checks, favourites, dislikes, watchlists FROM film_stats
       WHERE (checks, favourites, dislikes, watchlists) <> (0, 0, 0, 0) ORDER BY film_id`,
    ),
    userStats: await site.rows(
      `SELECT user_id, checked, favourites, dislikes, watchlist FROM user_stats
       WHERE (checked, favourites, dislikes, watchlist) <> (0, 0, 0, 0) ORDER BY user_id`,
    ),
  };
}

/** The counters recounted from user_film_state (every row of which holds a mark), as `tables` gives them. */
async function countersFromStates(site: ProjectionSite) {
  const marks = (checked: string, watchlisted: string) =>
    `count(*) FILTER (WHERE checked)::int AS ${checked}, count(*) FILTER (WHERE favourite)::int AS favourites,
     count(*) FILTER (WHERE disliked)::int AS dislikes, count(*) FILTER (WHERE watchlisted)::int AS ${watchlisted}`;
  return {
    filmStats: await site.rows(
      `SELECT film_id, ${marks('checks', 'watchlists')}
       FROM user_film_state GROUP BY film_id ORDER BY film_id`,
    ),
    userStats: await site.rows(
      `SELECT user_id, ${marks('checked', 'watchlist')} FROM user_film_state GROUP BY user_id ORDER BY user_id`,
    ),
  };
}

const COMMANDS: readonly FilmLogCommand[] = [
  { type: 'CheckFilm' },
  { type: 'CheckFilm', watchedOn: null },
  { type: 'CheckFilm', watchedOn: '1999-12-31' },
  { type: 'CheckFilm', watchedOn: '2008-04-01' },
  { type: 'UncheckFilm' },
  { type: 'FavouriteFilm' },
  { type: 'UnfavouriteFilm' },
  { type: 'DislikeFilm' },
  { type: 'UndislikeFilm' },
  { type: 'AddFilmToWatchlist' },
  { type: 'RemoveFilmFromWatchlist' },
];

/** A random history (see randomFilmLogHistory) with the user_film_state rows it must give. */
function randomHistory(members: number, films: number, minEvents: number, seed: number) {
  const history = randomFilmLogHistory({ members, films, minEvents, seed, commands: COMMANDS });
  const rows = history.pairs
    .filter(({ state }) => hasMarks(state))
    .map(({ userId, filmId, state }) => ({
      user_id: userId,
      film_id: filmId,
      checked: state.checked,
      checked_at: state.checkedAt === null ? null : new Date(state.checkedAt),
      watched_on: state.watchedOn,
      favourite: state.favourite,
      disliked: state.disliked,
      watchlisted: state.watchlisted,
    }))
    .sort((a, b) => `${a.user_id}.${a.film_id}`.localeCompare(`${b.user_id}.${b.film_id}`));
  return { ...history, rows };
}

const ZERO = { checks: 0, favourites: 0, dislikes: 0, watchlists: 0 };

describe('film-log projections', () => {
  let site: ProjectionSite;

  beforeAll(async () => {
    site = await ProjectionSite.open(PROJECTIONS);
  });

  afterAll(async () => {
    await site.close();
  });

  const stateRow = async (userId: string, filmId: string) =>
    (
      await site.pool.query(
        `SELECT checked, checked_at, watched_on::text, favourite, disliked, watchlisted
         FROM user_film_state WHERE user_id = $1 AND film_id = $2`,
        [userId, filmId],
      )
    ).rows[0];

  /** A film's and a member's counts; no row reads as zeros. */
  const counts = async (filmId: string, userId: string) => {
    const film = await site.pool.query(
      `SELECT checks, favourites, dislikes, watchlists FROM film_stats WHERE film_id = $1`,
      [filmId],
    );
    const member = await site.pool.query(
      `SELECT checked AS checks, favourites, dislikes, watchlist AS watchlists FROM user_stats WHERE user_id = $1`,
      [userId],
    );
    return { film: film.rows[0] ?? ZERO, member: member.rows[0] ?? ZERO };
  };

  /** The counters agree with the rows of user_film_state they count. */
  const expectCountersFromStates = async (at: ProjectionSite) => {
    const { filmStats, userStats } = await tables(at);
    expect({ filmStats, userStats }).toEqual(await countersFromStates(at));
  };

  it('folds a check, a favourite and an uncheck of one pair in one batch into no row and no counts', async () => {
    const [userId, filmId] = [randomUUID(), randomUUID()];
    const events = [
      fact('FilmChecked', { watchedOn: '2008-04-01' }),
      fact('FilmFavourited'),
      fact('FilmUnfavourited'),
      fact('FilmUnchecked'),
    ];
    await site.project([[filmLogStream(userId, filmId), events]]);

    const ids = events.map((event) => event.metadata.eventId);
    for (const name of NAMES) expect(site.batches.get(name)).toEqual([ids]);
    expect(await stateRow(userId, filmId)).toBeUndefined();
    expect(await counts(filmId, userId)).toEqual({ film: ZERO, member: ZERO });
  });

  it('lowers the counts by the net-negative change of a later batch', async () => {
    const [userId, otherId, filmId] = [randomUUID(), randomUUID(), randomUUID()];
    const [mine, theirs] = [filmLogStream(userId, filmId), filmLogStream(otherId, filmId)];
    await site.project([
      [mine, [fact('FilmChecked', { watchedOn: null }), fact('FilmDisliked')]],
      [theirs, [fact('FilmChecked', { watchedOn: null }), fact('FilmDisliked')]],
    ]);
    expect(await counts(filmId, userId)).toEqual({
      film: { ...ZERO, checks: 2, dislikes: 2 },
      member: { ...ZERO, checks: 1, dislikes: 1 },
    });

    await site.project([[mine, [fact('FilmUndisliked')]]]);
    expect(await counts(filmId, userId)).toEqual({
      film: { ...ZERO, checks: 2, dislikes: 1 },
      member: { ...ZERO, checks: 1 },
    });
    expect(await stateRow(userId, filmId)).toMatchObject({ checked: true, disliked: false });

    await site.project([
      [theirs, [fact('FilmUndisliked'), fact('FilmUnchecked')]],
      [mine, [fact('FilmUnchecked')]],
    ]);
    expect(await counts(filmId, userId)).toEqual({ film: ZERO, member: ZERO });
    expect(await counts(filmId, otherId)).toEqual({ film: ZERO, member: ZERO });
    await expectCountersFromStates(site);
  });

  it('deletes a row once all its marks are cleared, and keeps one with a mark left', async () => {
    const userId = randomUUID();
    const [listed, loved, both] = [randomUUID(), randomUUID(), randomUUID()];
    await site.project([
      [filmLogStream(userId, listed), [fact('FilmAddedToWatchlist')]],
      [
        filmLogStream(userId, loved),
        [fact('FilmChecked', { watchedOn: '1999-12-31' }), fact('FilmFavourited')],
      ],
      [
        filmLogStream(userId, both),
        [fact('FilmChecked', { watchedOn: '1999-12-31' }), fact('FilmAddedToWatchlist')],
      ],
    ]);
    for (const filmId of [listed, loved, both]) expect(await stateRow(userId, filmId)).toBeDefined();

    await site.project([
      [filmLogStream(userId, listed), [fact('FilmRemovedFromWatchlist')]],
      [filmLogStream(userId, loved), [fact('FilmUnfavourited'), fact('FilmUnchecked')]],
      [filmLogStream(userId, both), [fact('FilmUnchecked')]],
    ]);
    expect(await stateRow(userId, listed)).toBeUndefined();
    expect(await stateRow(userId, loved)).toBeUndefined();
    expect(await stateRow(userId, both)).toEqual({
      checked: false,
      checked_at: null,
      watched_on: null,
      favourite: false,
      disliked: false,
      watchlisted: true,
    });
    expect((await counts(both, userId)).member).toEqual({ ...ZERO, watchlists: 1 });
  });

  it('takes checked_at from the check’s occurredAt and watched_on from the latest watch date', async () => {
    const [userId, filmId] = [randomUUID(), randomUUID()];
    const stream = filmLogStream(userId, filmId);
    const at = (minute: number) => `2024-03-01T10:${String(minute).padStart(2, '0')}:00.123Z`;
    await site.project([[stream, [fact('FilmChecked', { watchedOn: '2008-04-01' }, at(1))]]]);
    expect(await stateRow(userId, filmId)).toMatchObject({
      checked_at: new Date(at(1)),
      watched_on: '2008-04-01',
    });

    await site.project([[stream, [fact('FilmWatchDateChanged', { watchedOn: '2009-01-02' }, at(2))]]]);
    expect(await stateRow(userId, filmId)).toMatchObject({
      checked_at: new Date(at(1)),
      watched_on: '2009-01-02',
    });

    await site.project([
      [stream, [fact('FilmWatchDateChanged', { watchedOn: null }, at(3))]],
      [stream, [fact('FilmUnchecked', {}, at(4)), fact('FilmChecked', { watchedOn: null }, at(5))]],
      [stream, [fact('FilmWatchDateChanged', { watchedOn: '1999-12-31' }, at(6))]],
    ]);
    expect(await stateRow(userId, filmId)).toMatchObject({
      checked_at: new Date(at(5)),
      watched_on: '1999-12-31',
    });

    await site.project([[stream, [fact('FilmWatchDateChanged', { watchedOn: null }, at(7))]]]);
    expect(await stateRow(userId, filmId)).toMatchObject({ checked_at: new Date(at(5)), watched_on: null });
  });

  it('gives the same tables from 2,000 events in one batch as from one batch per event', async () => {
    const history = randomHistory(40, 25, 2_000, 20_240_301);
    await ProjectionSite.withFresh(2, PROJECTIONS, async (whole, single) => {
      // The engine may split freshly appended events over batches, so the one-batch side is applied directly.
      const [wholeEvents] = await Promise.all([
        whole.applyAtOnce(history.writes),
        single.project(history.writes, { batchSize: 1 }),
      ]);
      expect(wholeEvents).toBe(history.events);
      for (const name of NAMES) expect(single.batchSizes(name)).toHaveLength(history.events);

      const wholeTables = await tables(whole);
      expect(wholeTables.userFilmState).toEqual(history.rows);
      expect(await tables(single)).toEqual(wholeTables);
      await expectCountersFromStates(whole);
    });
  }, 120_000);

  it('rebuilds the same tables from the events', async () => {
    const history = randomHistory(20, 10, 1_000, 19_991_231);
    await site.project(history.writes, { batchSize: 50 });
    const before = await tables(site);
    expect(before.userFilmState).toEqual(expect.arrayContaining(history.rows));
    await expectCountersFromStates(site);

    // Spoiled read models, so only a rebuild from the events can give the tables back.
    await site.pool.query(`UPDATE film_stats SET checks = checks + 7`);
    await site.pool.query(`UPDATE user_stats SET favourites = 0`);
    await site.pool.query(`DELETE FROM user_film_state WHERE watchlisted`);
    await site.project([], { batchSize: 50, rebuild: true });

    expect(await tables(site)).toEqual(before);
  }, 60_000);
});
