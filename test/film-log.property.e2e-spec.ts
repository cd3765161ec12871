import { EVENT_STORE, type EventStore, type Position } from '#event-store';
import { ProjectionMonitor } from '#projections';
import fc from 'fast-check';
import pg from 'pg';
import { testPool } from '#testing';
import request from 'supertest';
import type { Film } from '../src/modules/catalog/films/film.js';
import type { FilmLogState } from '../src/modules/film-log/domain/film-log.decider.js';
import { bearer, registerUser, type TestUser } from './support/auth.js';
import { addFilms } from './support/films.js';
import {
  countMarks,
  countRatings,
  halfUpPercent,
  hasMarks,
  idleEvents,
  readFilmLog,
  type FoldedStream,
} from '../src/modules/film-log/testing/recount.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const MEMBERS = 6;
const FILMS = 3;
const FILM_LOG_PROJECTIONS = ['user-film-state', 'film-stats', 'user-stats'];

const ACTIONS = {
  check: ['put', 'check'],
  uncheck: ['delete', 'check'],
  favourite: ['put', 'favourite'],
  unfavourite: ['delete', 'favourite'],
  dislike: ['put', 'dislike'],
  undislike: ['delete', 'dislike'],
  watchlist: ['put', 'watchlist'],
  unwatchlist: ['delete', 'watchlist'],
  rate: ['put', 'rating'],
  unrate: ['delete', 'rating'],
} as const;
type Action = keyof typeof ACTIONS;

/**
 * One tap; `watchedOn` only on a check: undefined sends no body, null clears the date. `rating`
 * only on a rate.
 */
interface Tap {
  readonly member: number;
  readonly film: number;
  readonly bySlug: boolean;
  readonly action: Action;
  readonly watchedOn?: string | null;
  readonly rating?: number;
}

// Few dates, so a check often repeats the date it already has (a no-op).
const watchDate = fc.constantFrom('1999-12-31', '2008-04-01', '2024-02-29');
const step = fc.oneof(
  { weight: 2, arbitrary: fc.record({ action: fc.constant<Action>('check') }) },
  {
    weight: 2,
    arbitrary: fc.record({ action: fc.constant<Action>('check'), watchedOn: fc.option(watchDate) }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      action: fc.constantFrom<Action>(
        ...(Object.keys(ACTIONS) as Action[]).filter((one) => one !== 'check' && one !== 'rate'),
      ),
    }),
  },
  // Few ratings, so a rate often repeats the rating it already has (a no-op).
  {
    weight: 2,
    arbitrary: fc.record({ action: fc.constant<Action>('rate'), rating: fc.constantFrom(0.5, 3, 4.5) }),
  },
);
const member = fc.nat({ max: MEMBERS - 1 });
const film = fc.nat({ max: FILMS - 1 });
const tap = fc
  .tuple(member, film, fc.boolean(), step)
  .map(([member, film, bySlug, step]): Tap => ({ member, film, bySlug, ...step }));
/** Taps of one member on one film sent together: they race on the same stream. */
const burst = fc
  .tuple(member, film, fc.array(fc.tuple(fc.boolean(), step), { minLength: 2, maxLength: 4 }))
  .map(([member, film, steps]) => steps.map(([bySlug, step]): Tap => ({ member, film, bySlug, ...step })));
/** Chunks run one after another; the taps inside a chunk run concurrently. */
const script = fc.array(fc.oneof(fc.array(tap, { minLength: 1, maxLength: 6 }), burst), {
  minLength: 1,
  maxLength: 10,
});

interface Cast {
  readonly members: readonly TestUser[];
  readonly films: readonly Film[];
}

interface Answer {
  readonly tap: Tap;
  readonly state: FilmLogState;
  readonly position: Position;
}

interface Recount {
  /** Folded streams by member index, then film index. */
  readonly streams: readonly (readonly FoldedStream[])[];
  readonly last: Position;
}

describe('film log read models against a recount of the events (property, e2e)', () => {
  let testApp: TestApp;
  let server: ReturnType<TestApp['app']['getHttpServer']>;
  let store: EventStore;
  let pool: pg.Pool;

  beforeAll(async () => {
    testApp = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '0' } });
    server = testApp.app.getHttpServer();
    store = testApp.app.get<EventStore>(EVENT_STORE);
    pool = testPool(testApp.database, 2);
  });

  afterAll(async () => {
    await pool.end();
    await testApp.close();
  });

  /** Fresh members and films for every run, so runs (and shrinks) do not see each other's marks. */
  const newCast = async (): Promise<Cast> => ({
    members: await Promise.all(Array.from({ length: MEMBERS }, () => registerUser(testApp.app))),
    films: await addFilms(testApp.app, FILMS),
  });

  const send = async (cast: Cast, tap: Tap): Promise<Answer> => {
    const target = cast.films[tap.film]!;
    const [verb, mark] = ACTIONS[tap.action];
    const call = request(server)
      [verb](`/api/v1/films/${tap.bySlug ? target.slug : target.id}/${mark}`)
      .set('Authorization', bearer(cast.members[tap.member]!));
    const response = await ('watchedOn' in tap
      ? call.send({ watchedOn: tap.watchedOn })
      : 'rating' in tap
        ? call.send({ rating: tap.rating })
        : call);
    if (response.status !== 200) {
      throw new Error(`${JSON.stringify(tap)} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    const body = response.body as { state: FilmLogState; position: Position };
    return { tap, ...body };
  };

  const play = async (cast: Cast, chunks: readonly (readonly Tap[])[]): Promise<Answer[]> => {
    const answers: Answer[] = [];
    for (const chunk of chunks) answers.push(...(await Promise.all(chunk.map((one) => send(cast, one)))));
    return answers;
  };

  const recount = async (cast: Cast): Promise<Recount> => {
    const streams = await Promise.all(
      cast.members.map((one) => Promise.all(cast.films.map((that) => readFilmLog(store, one.id, that.id)))),
    );
    const positions = streams.flat().flatMap((stream) => stream.events.map((event) => event.position));
    const last = positions.reduce((a, b) => (store.comparePositions(a, b) >= 0 ? a : b), store.origin);
    return { streams, last };
  };

  /** Each stream holds only real changes, and each answer is the state right after its position. */
  const expectAnswersFromStreams = (answers: readonly Answer[], { streams }: Recount): void => {
    for (const stream of streams.flat()) expect(idleEvents(stream)).toEqual([]);
    for (const answer of answers) {
      const stream = streams[answer.tap.member]![answer.tap.film]!;
      const at = answer.position === store.origin ? null : answer.position;
      const prefix = stream.states.find((entry) => entry.position === at);
      expect({ tap: answer.tap, state: prefix?.state }).toEqual({ tap: answer.tap, state: answer.state });
    }
  };

  const expectUserFilmState = async (cast: Cast, { streams }: Recount): Promise<void> => {
    const { rows } = await pool.query<Record<string, unknown>>(
      `SELECT user_id, film_id, checked, checked_at, watched_on::text, favourite, disliked, watchlisted,
              rating_half_stars
       FROM user_film_state WHERE film_id = ANY($1::uuid[])`,
      [cast.films.map((one) => one.id)],
    );
    const stored = rows.map(({ checked_at, ...row }) => ({
      ...row,
      checked_at: checked_at instanceof Date ? checked_at.toISOString() : checked_at,
    }));
    const expected = cast.members.flatMap((one, m) =>
      cast.films.flatMap((that, f) => {
        const state = streams[m]![f]!.final;
        if (!hasMarks(state)) return [];
        const checkedAt = state.checkedAt === null ? null : new Date(state.checkedAt).toISOString();
        return [
          {
            user_id: one.id,
            film_id: that.id,
            checked: state.checked,
            checked_at: checkedAt,
            watched_on: state.watchedOn,
            favourite: state.favourite,
            disliked: state.disliked,
            watchlisted: state.watchlisted,
            rating_half_stars: state.rating === null ? null : state.rating * 2,
          },
        ];
      }),
    );
    const byPair = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      `${String(a.user_id)}.${String(a.film_id)}`.localeCompare(`${String(b.user_id)}.${String(b.film_id)}`);
    expect(stored.sort(byPair)).toEqual(expected.sort(byPair));
  };

  /** Rows of a counter table by key; a key with no row counts zero everywhere. */
  const countersOf = async (sql: string, keys: readonly string[]) => {
    const { rows } = await pool.query<{ key: string } & Record<string, number>>(sql, [keys]);
    const zero = { checks: 0, favourites: 0, dislikes: 0, watchlists: 0, ratings: 0 };
    return keys.map((key) => {
      const { key: _, ...counts } = rows.find((row) => row.key === key) ?? { key, ...zero };
      return counts;
    });
  };

  const expectCounters = async (cast: Cast, { streams }: Recount): Promise<void> => {
    const films = await countersOf(
      `SELECT film_id AS key, checks, favourites, dislikes, watchlists, ratings FROM film_stats
       WHERE film_id = ANY($1::uuid[])`,
      cast.films.map((one) => one.id),
    );
    const members = await countersOf(
      `SELECT user_id AS key, checked AS checks, favourites, dislikes, watchlist AS watchlists, ratings
       FROM user_stats WHERE user_id = ANY($1::uuid[])`,
      cast.members.map((one) => one.id),
    );
    const counted = (states: FilmLogState[]) => ({
      ...countMarks(states),
      ratings: countRatings(states).count,
    });
    expect(films).toEqual(cast.films.map((_, f) => counted(streams.map((row) => row[f]!.final))));
    expect(members).toEqual(streams.map((row) => counted(row.map((stream) => stream.final))));
  };

  const expectHttpReads = async (cast: Cast, { streams, last }: Recount): Promise<void> => {
    for (const [f, that] of cast.films.entries()) {
      const response = await request(server)
        .get(`/api/v1/films/${that.id}/stats`)
        .set('X-Consistent-With', last)
        .expect(200);
      expect(response.headers['x-consistency']).toBe('reached');
      const finals = streams.map((row) => row[f]!.final);
      const tally = countMarks(finals);
      const rated = countRatings(finals);
      expect({ film: f, ...response.body }).toEqual({
        film: f,
        ...tally,
        comments: 0,
        favouritePercent: halfUpPercent(tally.favourites, tally.checks),
        dislikePercent: halfUpPercent(tally.dislikes, tally.checks),
        ratings: {
          count: rated.count,
          // toFixed picks the larger of two equally near: half up, and these means are exact in binary or never ties.
          average: rated.count === 0 ? null : Number((rated.halfStars / 2 / rated.count).toFixed(2)),
          histogram: rated.histogram,
        },
      });
    }
    for (const [m, one] of cast.members.entries()) {
      for (const [f, that] of cast.films.entries()) {
        const response = await request(server)
          .get(`/api/v1/me/films/${that.id}`)
          .set('Authorization', bearer(one))
          .expect(200);
        expect({ member: m, film: f, state: response.body }).toEqual({
          member: m,
          film: f,
          state: streams[m]![f]!.final,
        });
      }
    }
  };

  it('user_film_state, film_stats, user_stats and the HTTP reads equal a recount of the streams', async () => {
    const monitor = testApp.app.get(ProjectionMonitor);
    await fc.assert(
      fc.asyncProperty(script, async (chunks) => {
        const cast = await newCast();
        const answers = await play(cast, chunks);
        const counted = await recount(cast);
        expectAnswersFromStreams(answers, counted);
        // Generous: under CI's load (browser specs beside it) a run's projections have lagged past 10 s.
        expect(await monitor.waitFor(FILM_LOG_PROJECTIONS, counted.last, 30_000)).toBe(true);
        await expectUserFilmState(cast, counted);
        await expectCounters(cast, counted);
        await expectHttpReads(cast, counted);
      }),
      // Bounded so shrinking ends before jest's timeout; running out of time is a failure, never a pass with fewer runs.
      { numRuns: 50, plugins: [fc.interruptAfterTimeLimit(240_000, { failOnInterrupt: true })] },
    );
  }, 300_000);
});
