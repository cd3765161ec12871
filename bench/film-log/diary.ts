import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore } from '#event-store';
import { ProjectionMonitor, type Projection } from '#projections';
import type pg from 'pg';
import { SeededRandom } from '../../src/common/seeded-random.js';
import { filmLogStream } from '../../src/modules/film-log/domain/film-log.events.js';
import { diaryProjection } from '../../src/modules/film-log/projections/diary.projection.js';
import { userFilmStateProjection } from '../../src/modules/film-log/projections/user-film-state.projection.js';
import { userStatsProjection } from '../../src/modules/social/projections/user-stats.projection.js';
import type { RunningApp } from '../catalogue/search-load.js';
import { openPool } from '../store/databases.js';
import { RATINGS } from '../../src/modules/film-log/domain/rating.js';
import { drive, popularFilm, watchedOn, type LoadFigures } from './http-load.js';
import type { KnownMarks } from './known-marks.js';
import type { LoadMember } from './members.js';

/** The read models a diary entry shows in: its row, the member's state for the film, their profile. */
export const DIARY_PROJECTIONS: readonly Projection[] = [
  diaryProjection,
  userFilmStateProjection,
  userStatsProjection,
];

/** Between two looks at the projections' lag. */
const POLL_MS = 50;
/** A viewing given stars, as the diary form makes it easy to. */
const STARS_SHARE = 0.6;
/** A checked film the member has no diary entry for yet is logged as a rewatch this often. */
const CHECKED_REWATCH_SHARE = 0.5;
/**
 * How often a member logs a film they are known to have checked, rather than any film: a random
 * pair is rarely a film the member has seen, and diaries have many rewatches (Kev's export: 527
 * of 938 rows).
 */
const SEEN_FILM_SHARE = 0.3;

/** What the service answered 201 to: the viewings it said it logged, as the generator chose them. */
export interface DiaryMix {
  readonly logged: number;
  readonly firstViewings: number;
  readonly rewatches: number;
  readonly withStars: number;
  readonly withoutStars: number;
}

export class DiaryTally implements DiaryMix {
  logged = 0;
  firstViewings = 0;
  rewatches = 0;
  withStars = 0;

  get withoutStars(): number {
    return this.logged - this.withStars;
  }

  toJSON(): DiaryMix {
    const { logged, firstViewings, rewatches, withStars, withoutStars } = this;
    return { logged, firstViewings, rewatches, withStars, withoutStars };
  }
}

export interface DiaryFigures {
  readonly load: LoadFigures;
  /** The measured load's 201s (the warm-up's left out). */
  readonly mix: DiaryMix;
  /** 201s of the warm-up and the measured load together. */
  readonly answered: number;
  /** After the projections caught up with both. */
  readonly counts: DiaryCounts;
  /** From the end of the load until the diary's read models had no event left to apply. */
  readonly caughtUpSeconds: number;
}

interface Planned {
  readonly memberId: string;
  readonly filmId: string;
  readonly rewatch: boolean;
  readonly rating: number | null;
}

/**
 * POST /me/diary by a random load member for a film (three times in ten one they are known to
 * have checked, otherwise any, popular ones more often): a viewing on a day of the last five
 * years, a rewatch when the generator knows the member has seen the film (always after a diary
 * entry, half the time for a film checked without one), stars on most.
 * Every 201 is tallied and the pair's known state updated as the decider would (checked, off the
 * watchlist, one more viewing, the stars as its rating), so later writes on it are rewatches.
 */
export function driveDiary(
  app: RunningApp,
  members: readonly LoadMember[],
  filmIds: readonly string[],
  known: KnownMarks,
  tally: DiaryTally,
  options: { readonly connections: number; readonly seconds: number; readonly seed: number },
): Promise<LoadFigures> {
  const random = new SeededRandom(options.seed);
  return drive(
    app,
    options.connections,
    options.seconds,
    (request, context) => {
      const member = random.pick(members);
      const seen = random.chance(SEEN_FILM_SHARE) ? known.checkedFilms(member.id) : [];
      const filmId = seen.length > 0 ? random.pick(seen) : popularFilm(random, filmIds);
      const state = known.get(member.id, filmId);
      const rewatch = state.viewings > 0 || (state.checked && random.chance(CHECKED_REWATCH_SHARE));
      const rating = random.chance(STARS_SHARE) ? random.pick(RATINGS) : null;
      const planned: Planned = { memberId: member.id, filmId, rewatch, rating };
      context['planned'] = planned;
      return {
        ...request,
        method: 'POST',
        path: '/api/v1/me/diary',
        headers: {
          ...request.headers,
          authorization: `Bearer ${member.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          film: filmId,
          watchedOn: watchedOn(random),
          ...(rewatch ? { rewatch } : {}),
          ...(rating === null ? {} : { rating }),
        }),
      };
    },
    (status, _body, context) => {
      if (status !== 201) return;
      const { memberId, filmId, rewatch, rating } = context['planned'] as Planned;
      tally.logged += 1;
      if (rewatch) tally.rewatches += 1;
      else tally.firstViewings += 1;
      if (rating !== null) tally.withStars += 1;
      const state = known.get(memberId, filmId);
      known.set(memberId, filmId, {
        ...state,
        checked: true,
        watchlisted: false,
        viewings: state.viewings + 1,
        rating: rating ?? state.rating,
      });
    },
  );
}

/**
 * Watches the projections' lag (the events they handle past their checkpoints) over a few
 * connections of its own, kept from one wait to the next: the service holds many, and the server
 * may be shared.
 */
export class LagWatch {
  private readonly pool: pg.Pool;
  private readonly store: PostgresEventStore;
  private readonly monitor: ProjectionMonitor;

  constructor(url: string, projections: readonly Projection[]) {
    this.pool = openPool(url, 1, 'filmlog-bench-monitor');
    this.store = new PostgresEventStore({
      connectionString: url,
      poolSize: 2,
      applicationName: 'filmlog-bench-monitor',
    });
    this.monitor = new ProjectionMonitor({ store: this.store, pool: this.pool, projections });
  }

  /**
   * Polls until no projection has an event left to apply; returns the seconds waited. `settleMs`
   * first lets commands still in flight when a load stopped reach the log.
   */
  async untilCaughtUp(limitMs: number, settleMs = 0): Promise<number> {
    const begin = performance.now();
    await sleep(settleMs);
    const deadline = Date.now() + limitMs;
    for (;;) {
      const behind = (await this.monitor.statuses()).filter((status) => status.lagEvents > 0);
      if (behind.length === 0) return (performance.now() - begin) / 1_000;
      if (Date.now() > deadline) {
        const names = behind.map((status) => `${status.name} (${status.lagEvents} events)`).join(', ');
        throw new Error(`Projections still behind after ${limitMs} ms: ${names}`);
      }
      await sleep(POLL_MS);
    }
  }

  async close(): Promise<void> {
    await this.monitor.close();
    await this.store.close();
    await this.pool.end();
  }
}

/** One wait of a LagWatch of its own. */
export async function waitForNoLag(
  url: string,
  projections: readonly Projection[],
  limitMs: number,
  settleMs = 0,
): Promise<number> {
  const watch = new LagWatch(url, projections);
  try {
    return await watch.untilCaughtUp(limitMs, settleMs);
  } finally {
    await watch.close();
  }
}

/** Every diary entry counted each way the read models keep it, and as the log has it. */
export interface DiaryCounts {
  /** ViewingLogged minus ViewingDeleted events in the log: the truth. */
  readonly events: number;
  /** diary_entries rows (the diary projection). */
  readonly entries: number;
  /** The sum of user_film_state.viewings (user-film-state). */
  readonly stateViewings: number;
  /** The sum of user_stats.diary_entries (user-stats: the profile's count). */
  readonly profileEntries: number;
  /** diary_entry_keys rows, written by the command before each append. */
  readonly keys: number;
  /** (member, film) pairs with an entry whose user_film_state is not checked: should be none. */
  readonly uncheckedPairs: number;
}

/** Counts the diary, of `memberIds` only or of everyone (null). */
export async function countDiary(url: string, memberIds: readonly string[] | null): Promise<DiaryCounts> {
  const pool = openPool(url, 1, 'filmlog-bench-check');
  try {
    // A member's film-log streams all start with the same prefix: their stream for no film.
    const prefixes = memberIds?.map((id) => filmLogStream(id, '')) ?? null;
    const { rows } = await pool.query<DiaryCounts>(
      `WITH chosen AS (SELECT $1::uuid[] AS ids),
        logged AS (
          SELECT count(*) FILTER (WHERE e.type = 'ViewingLogged')
               - count(*) FILTER (WHERE e.type = 'ViewingDeleted') AS n
            FROM events e
           WHERE e.type IN ('ViewingLogged', 'ViewingDeleted')
             AND ($2::text[] IS NULL
                  OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS p(prefix) WHERE starts_with(e.stream_id, p.prefix))))
       SELECT
         (SELECT n FROM logged)::int AS events,
         (SELECT count(*) FROM diary_entries d, chosen
           WHERE chosen.ids IS NULL OR d.user_id = ANY(chosen.ids))::int AS entries,
         (SELECT coalesce(sum(s.viewings), 0) FROM user_film_state s, chosen
           WHERE chosen.ids IS NULL OR s.user_id = ANY(chosen.ids))::int AS "stateViewings",
         (SELECT coalesce(sum(p.diary_entries), 0) FROM user_stats p, chosen
           WHERE chosen.ids IS NULL OR p.user_id = ANY(chosen.ids))::int AS "profileEntries",
         (SELECT count(*) FROM diary_entry_keys k, chosen
           WHERE chosen.ids IS NULL OR k.user_id = ANY(chosen.ids))::int AS keys,
         (SELECT count(*) FROM (SELECT DISTINCT d.user_id, d.film_id FROM diary_entries d, chosen
                                 WHERE chosen.ids IS NULL OR d.user_id = ANY(chosen.ids)) pair
           WHERE NOT EXISTS (SELECT 1 FROM user_film_state s
                              WHERE s.user_id = pair.user_id AND s.film_id = pair.film_id AND s.checked)
         )::int AS "uncheckedPairs"`,
      [memberIds, prefixes],
    );
    return rows[0]!;
  } finally {
    await pool.end();
  }
}

/**
 * The read models must agree with the log and with each other, and with `expected` entries when
 * given; a key may outlive an append that failed, so there may be more keys, never fewer.
 */
export function checkDiary(found: DiaryCounts, after: string, expected: number = found.events): void {
  const wrong = [
    ...(found.events !== expected ? [`${found.events} entries in the log (expected ${expected})`] : []),
    ...(['entries', 'stateViewings', 'profileEntries'] as const)
      .filter((model) => found[model] !== expected)
      .map((model) => `${model} ${found[model]} (expected ${expected})`),
    ...(found.keys < expected ? [`keys ${found.keys} (expected at least ${expected})`] : []),
    ...(found.uncheckedPairs > 0 ? [`${found.uncheckedPairs} films with entries not checked`] : []),
  ];
  if (wrong.length > 0) throw new Error(`Diary read models wrong after the ${after}: ${wrong.join('; ')}`);
}

/** Time for writes still in flight when a load stops to reach the log before it is counted. */
const SETTLE_MS = 500;

/**
 * Diary writes at the bench's connections: a warm-up, then the measured load; once the diary's
 * projections have caught up, the log and its read models must agree, and hold every entry the
 * service answered 201 to (and at most one more per connection and load, still in flight when
 * autocannon stopped).
 */
export async function measureDiary(
  app: RunningApp,
  url: string,
  load: { readonly members: readonly LoadMember[]; readonly films: readonly string[] },
  known: KnownMarks,
  options: {
    readonly connections: number;
    readonly warmUpSeconds: number;
    readonly diarySeconds: number;
    readonly projectionLimitMs: number;
  },
): Promise<DiaryFigures> {
  const { connections } = options;
  const warmUp = new DiaryTally();
  await driveDiary(app, load.members, load.films, known, warmUp, {
    connections,
    seconds: options.warmUpSeconds,
    seed: 8,
  });
  const tally = new DiaryTally();
  const figures = await driveDiary(app, load.members, load.films, known, tally, {
    connections,
    seconds: options.diarySeconds,
    seed: 9,
  });
  const caughtUpSeconds = await waitForNoLag(url, DIARY_PROJECTIONS, options.projectionLimitMs, SETTLE_MS);
  const counts = await countDiary(url, null);
  checkDiary(counts, 'diary writes');
  const answered = warmUp.logged + tally.logged;
  if (counts.events < answered || counts.events > answered + 2 * connections) {
    throw new Error(`The log has ${counts.events} diary entries; the service answered 201 to ${answered}`);
  }
  return { load: figures, mix: tally.toJSON(), answered, counts, caughtUpSeconds };
}
