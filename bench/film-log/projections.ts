import { performance } from 'node:perf_hooks';
import { PostgresEventStore, type Position } from '#event-store';
import { ProjectionEngine, ProjectionMonitor } from '#projections';
import type pg from 'pg';
import { filmStatsProjection } from '../../src/modules/film-log/projections/film-stats.projection.js';
import { userFilmStateProjection } from '../../src/modules/film-log/projections/user-film-state.projection.js';
import { userStatsProjection } from '../../src/modules/social/projections/user-stats.projection.js';
import { projections as serviceProjections } from '../../src/features.js';
import { openPool } from '../store/databases.js';
import type { FilmLogBenchOptions } from './options.js';
import type { FilmLogTotals } from './streams.js';

const PROJECTIONS = [userFilmStateProjection, filmStatsProjection, userStatsProjection];
const NAMES = PROJECTIONS.map((projection) => projection.name);
/** How soon the engine notices a rebuild request (the service's default is 1 s). */
const REBUILD_POLL_MS = 100;

export interface ProjectionRunFigures {
  /** Film-log events each of the three projections read and applied. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

export interface ProjectionFigures {
  readonly projections: readonly string[];
  readonly batchSize: number;
  /** The live track from no event applied, into empty tables. */
  readonly catchUp: ProjectionRunFigures;
  /** Blue/green on request: fresh tables filled from the start of the log, then swapped in. */
  readonly rebuild: ProjectionRunFigures;
}

const figuresOf = (events: number, begin: number): ProjectionRunFigures => {
  const seconds = (performance.now() - begin) / 1_000;
  return { events, seconds, eventsPerSecond: events / seconds };
};

/** Every mark counted three ways must add up to what the generator wrote; otherwise the figures mean nothing. */
async function checkReadModels(pool: pg.Pool, totals: FilmLogTotals, after: string): Promise<void> {
  const { rows } = await pool.query<Record<string, number>>(`
    SELECT
      (SELECT coalesce(sum(checks), 0) FROM film_stats)::int AS film_checks,
      (SELECT coalesce(sum(favourites), 0) FROM film_stats)::int AS film_favourites,
      (SELECT coalesce(sum(dislikes), 0) FROM film_stats)::int AS film_dislikes,
      (SELECT coalesce(sum(watchlists), 0) FROM film_stats)::int AS film_watchlists,
      (SELECT coalesce(sum(checked), 0) FROM user_stats)::int AS user_checks,
      (SELECT coalesce(sum(favourites), 0) FROM user_stats)::int AS user_favourites,
      (SELECT coalesce(sum(dislikes), 0) FROM user_stats)::int AS user_dislikes,
      (SELECT coalesce(sum(watchlist), 0) FROM user_stats)::int AS user_watchlists,
      (SELECT count(*) FILTER (WHERE checked) FROM user_film_state)::int AS state_checks,
      (SELECT count(*) FILTER (WHERE favourite) FROM user_film_state)::int AS state_favourites,
      (SELECT count(*) FILTER (WHERE disliked) FROM user_film_state)::int AS state_dislikes,
      (SELECT count(*) FILTER (WHERE watchlisted) FROM user_film_state)::int AS state_watchlists`);
  const found = rows[0]!;
  const expected = {
    checks: totals.checks,
    favourites: totals.favourites,
    dislikes: totals.dislikes,
    watchlists: totals.watchlists,
  };
  const wrong = Object.entries(expected).flatMap(([mark, count]) =>
    ['film', 'user', 'state']
      .filter((model) => found[`${model}_${mark}`] !== count)
      .map((model) => `${model} ${mark} ${found[`${model}_${mark}`]} (expected ${count})`),
  );
  if (wrong.length > 0) throw new Error(`Read models wrong after the ${after}: ${wrong.join('; ')}`);
}

export async function waitForRebuilds(
  pool: pg.Pool,
  limitMs: number,
  names: readonly string[] = NAMES,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const { rows } = await pool.query<{ done: number }>(
      `SELECT count(*)::int AS done FROM projection_checkpoints
       WHERE projection = ANY($1::text[]) AND rebuild_requested_at IS NULL AND rebuild_version IS NULL`,
      [names],
    );
    if (rows[0]!.done === names.length) return;
    if (Date.now() > deadline) throw new Error(`The rebuild did not finish within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The three film-log projections in this process, on the prefilled database, all at once (each
 * reads the whole log through its own subscription): first the live track from the start into
 * the empty tables, then a blue/green rebuild of all three, requested together.
 */
export async function measureProjections(
  url: string,
  options: FilmLogBenchOptions,
  head: Position,
  totals: FilmLogTotals,
): Promise<ProjectionFigures> {
  const pool = openPool(url, 10, 'filmlog-bench-projections');
  const store = new PostgresEventStore({
    connectionString: url,
    applicationName: 'filmlog-bench-projections',
  });
  const engine = new ProjectionEngine({
    store,
    pool,
    projections: PROJECTIONS,
    batchSize: options.projectionBatchSize,
    lockRetryMs: REBUILD_POLL_MS,
  });
  const monitor = new ProjectionMonitor({ store, pool, projections: PROJECTIONS });
  try {
    const catchUpBegin = performance.now();
    await engine.start();
    if (!(await monitor.waitFor(NAMES, head, options.projectionLimitMs))) {
      throw new Error(`The projections did not catch up within ${options.projectionLimitMs} ms`);
    }
    const catchUp = figuresOf(totals.events, catchUpBegin);
    await checkReadModels(pool, totals, 'catch-up');

    const rebuildBegin = performance.now();
    for (const name of NAMES) await engine.requestRebuild(name);
    await waitForRebuilds(pool, options.projectionLimitMs);
    const rebuild = figuresOf(totals.events, rebuildBegin);
    await checkReadModels(pool, totals, 'rebuild');
    return { projections: NAMES, batchSize: options.projectionBatchSize, catchUp, rebuild };
  } finally {
    await engine.stop();
    await monitor.close();
    await store.close();
    await pool.end();
  }
}

export interface ServiceCatchUpFigures {
  /** The service's projections other than the three measured here. */
  readonly others: readonly string[];
  /** From the service answering until every one of its projections has passed the prefill. */
  readonly seconds: number;
}

/**
 * The service runs more projections than the three measured (activity reads the film log too);
 * they start from zero when it starts on the prefilled log. The load must not run while they catch up.
 */
export async function waitForServiceProjections(
  url: string,
  head: Position,
  limitMs: number,
): Promise<ServiceCatchUpFigures> {
  const pool = openPool(url, 2, 'filmlog-bench-monitor');
  const store = new PostgresEventStore({ connectionString: url, applicationName: 'filmlog-bench-monitor' });
  const monitor = new ProjectionMonitor({ store, pool, projections: serviceProjections });
  const names = serviceProjections.map((projection) => projection.name);
  try {
    const begin = performance.now();
    if (!(await monitor.waitFor(names, head, limitMs))) {
      throw new Error(`The service's projections did not catch up within ${limitMs} ms`);
    }
    return {
      others: names.filter((name) => !NAMES.includes(name)),
      seconds: (performance.now() - begin) / 1_000,
    };
  } finally {
    await monitor.close();
    await store.close();
    await pool.end();
  }
}
