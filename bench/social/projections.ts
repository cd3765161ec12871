import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore, type Position } from '#event-store';
import { ProjectionEngine, ProjectionMonitor, type Projection } from '#projections';
import type pg from 'pg';
import { activityProjection } from '../../src/modules/activity/projections/activity.projection.js';
import { popularityProjection } from '../../src/modules/discovery/projections/popularity.projection.js';
import { projections as serviceProjections } from '../../src/features.js';
import { waitForRebuilds } from '../film-log/projections.js';
import type { FilmLogTotals } from '../film-log/streams.js';
import { openPool } from '../store/databases.js';

/** Between two looks at the checkpoints while the service catches up. */
const POLL_MS = 100;
/** How soon the engine notices a rebuild request (the service's default is 1 s). */
const REBUILD_POLL_MS = 100;

export interface CatchUpFigures {
  /** Every event of the log; each projection reads only the types it handles. */
  readonly events: number;
  /** From the service's start until every projection has passed the last prefilled event. */
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly projections: readonly {
    readonly name: string;
    readonly events: number;
    readonly seconds: number;
  }[];
}

export interface RebuildFigures {
  readonly projection: string;
  readonly batchSize: number;
  /** The indexes left off the fresh tables until the rebuild caught up (none: every index kept all along). */
  readonly indexesBuiltAtTheEnd: readonly string[];
  /** Whether the summary tables were filled once at the end (else by each batch). */
  readonly summariesAtTheEnd: boolean;
  /** Events of the types the projection handles, read and applied. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** What the rebuilt read model counts: each mark standing at the end of the prefill, once. */
  readonly rows: number;
}

async function eventsHandled(pool: pg.Pool, types: readonly string[]): Promise<number> {
  const { rows } = await pool.query<{ events: number }>(
    'SELECT count(*)::int AS events FROM events WHERE type = ANY($1::text[])',
    [types],
  );
  return rows[0]!.events;
}

/**
 * Watches the service's projections catch up from zero on the prefilled log (started at
 * `begin`, a performance.now() taken before the service was), noting when each one passes `head`.
 */
export async function watchServiceCatchUp(
  url: string,
  head: Position,
  begin: number,
  limitMs: number,
): Promise<CatchUpFigures> {
  const pool = openPool(url, 2, 'filmlog-bench-monitor');
  const store = new PostgresEventStore({ connectionString: url, applicationName: 'filmlog-bench-monitor' });
  const monitor = new ProjectionMonitor({ store, pool, projections: serviceProjections });
  try {
    const passed = new Map<string, number>();
    const deadline = Date.now() + limitMs;
    while (passed.size < serviceProjections.length) {
      for (const { name } of serviceProjections) {
        if (!passed.has(name) && (await monitor.hasPassed([name], head))) {
          passed.set(name, (performance.now() - begin) / 1_000);
        }
      }
      if (Date.now() > deadline)
        throw new Error(`The service's projections did not catch up in ${limitMs} ms`);
      await sleep(POLL_MS);
    }
    const seconds = Math.max(...passed.values());
    const { rows } = await pool.query<{ events: number }>('SELECT count(*)::int AS events FROM events');
    const events = rows[0]!.events;
    const projections = [];
    for (const projection of serviceProjections) {
      projections.push({
        name: projection.name,
        events: await eventsHandled(pool, projection.handles),
        seconds: passed.get(projection.name)!,
      });
    }
    return { events, seconds, eventsPerSecond: events / seconds, projections };
  } finally {
    await monitor.close();
    await store.close();
    await pool.end();
  }
}

/** A projection to rebuild, and how to count what it holds against the generator's totals. */
export interface RebuildSubject {
  readonly projection: Projection;
  /** What the read model counts, read back. */
  readonly count: (pool: pg.Pool) => Promise<number>;
  /** What it must count at the end of the prefill. */
  readonly expected: (totals: FilmLogTotals) => number;
}

const countOf = async (pool: pg.Pool, sql: string): Promise<number> =>
  (await pool.query<{ n: number }>(sql)).rows[0]!.n;

/** One activity row per mark still standing. */
export const ACTIVITY_REBUILD: RebuildSubject = {
  projection: activityProjection,
  count: (pool) => countOf(pool, 'SELECT count(*)::int AS n FROM activity'),
  expected: (totals) => totals.checks + totals.favourites + totals.dislikes + totals.watchlists,
};

/** Every standing check, favourite and watchlist entry counted once over the films (dislikes are not). */
export const POPULARITY_REBUILD: RebuildSubject = {
  projection: popularityProjection,
  count: (pool) => countOf(pool, 'SELECT coalesce(sum(marks), 0)::int AS n FROM film_popularity'),
  expected: (totals) => totals.checks + totals.favourites + totals.watchlists,
};

async function checkCount(pool: pg.Pool, subject: RebuildSubject, totals: FilmLogTotals, after: string) {
  const found = await subject.count(pool);
  const expected = subject.expected(totals);
  if (found !== expected) {
    throw new Error(`${subject.projection.name} counts ${found} after the ${after}, expected ${expected}`);
  }
  return found;
}

/**
 * One projection alone in this process (the service stopped), caught up already: a blue/green
 * rebuild on request, timed until the fresh tables hold the whole log and are swapped in.
 */
export async function measureRebuild(
  url: string,
  head: Position,
  subject: RebuildSubject,
  totals: FilmLogTotals,
  options: { readonly projectionBatchSize: number; readonly projectionLimitMs: number },
  asTheEngineRuns: boolean,
): Promise<RebuildFigures> {
  const projection: Projection = asTheEngineRuns
    ? subject.projection
    : { ...subject.projection, indexesForReadersOnly: [], summarize: undefined };
  const pool = openPool(url, 10, 'filmlog-bench-projections');
  const store = new PostgresEventStore({
    connectionString: url,
    applicationName: 'filmlog-bench-projections',
  });
  const projections = [projection];
  const engine = new ProjectionEngine({
    store,
    pool,
    projections,
    rebuildBatchSize: options.projectionBatchSize,
    lockRetryMs: REBUILD_POLL_MS,
  });
  const monitor = new ProjectionMonitor({ store, pool, projections });
  try {
    await engine.start();
    if (!(await monitor.waitFor([projection.name], head, options.projectionLimitMs))) {
      throw new Error(`The ${projection.name} projection is not at the head of the log`);
    }
    await checkCount(pool, subject, totals, 'catch-up');
    const events = await eventsHandled(pool, projection.handles);
    const begin = performance.now();
    await engine.requestRebuild(projection.name);
    await waitForRebuilds(pool, options.projectionLimitMs, [projection.name]);
    const seconds = (performance.now() - begin) / 1_000;
    const rows = await checkCount(pool, subject, totals, 'rebuild');
    return {
      projection: projection.name,
      batchSize: options.projectionBatchSize,
      indexesBuiltAtTheEnd: projection.indexesForReadersOnly ?? [],
      summariesAtTheEnd: projection.summarize !== undefined,
      events,
      seconds,
      eventsPerSecond: events / seconds,
      rows,
    };
  } finally {
    await engine.stop();
    await monitor.close();
    await store.close();
    await pool.end();
  }
}
