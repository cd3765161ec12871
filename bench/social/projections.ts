import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresEventStore, type Position } from '#event-store';
import { ProjectionEngine, ProjectionMonitor } from '#projections';
import type pg from 'pg';
import { activityProjection } from '../../src/modules/activity/projections/activity.projection.js';
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
  readonly batchSize: number;
  /** Film-log events read and applied. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Rows of the rebuilt table: one per mark standing at the end of the prefill. */
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

async function activityRows(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ rows: number }>('SELECT count(*)::int AS rows FROM activity');
  return rows[0]!.rows;
}

/** One row per mark still standing: what the generator says the streams end with. */
const expectedRows = (totals: FilmLogTotals): number =>
  totals.checks + totals.favourites + totals.dislikes + totals.watchlists;

async function checkRows(pool: pg.Pool, totals: FilmLogTotals, after: string): Promise<number> {
  const found = await activityRows(pool);
  if (found !== expectedRows(totals)) {
    throw new Error(`activity has ${found} rows after the ${after}, expected ${expectedRows(totals)}`);
  }
  return found;
}

/**
 * The activity projection alone in this process (the service stopped), caught up already: a
 * blue/green rebuild on request, timed until the fresh table holds the whole log and is swapped in.
 */
export async function measureActivityRebuild(
  url: string,
  head: Position,
  totals: FilmLogTotals,
  options: { readonly projectionBatchSize: number; readonly projectionLimitMs: number },
): Promise<RebuildFigures> {
  const pool = openPool(url, 10, 'filmlog-bench-projections');
  const store = new PostgresEventStore({
    connectionString: url,
    applicationName: 'filmlog-bench-projections',
  });
  const projections = [activityProjection];
  const engine = new ProjectionEngine({
    store,
    pool,
    projections,
    batchSize: options.projectionBatchSize,
    lockRetryMs: REBUILD_POLL_MS,
  });
  const monitor = new ProjectionMonitor({ store, pool, projections });
  try {
    await engine.start();
    if (!(await monitor.waitFor([activityProjection.name], head, options.projectionLimitMs))) {
      throw new Error('The activity projection is not at the head of the log');
    }
    await checkRows(pool, totals, 'catch-up');
    const begin = performance.now();
    await engine.requestRebuild(activityProjection.name);
    await waitForRebuilds(pool, options.projectionLimitMs, [activityProjection.name]);
    const seconds = (performance.now() - begin) / 1_000;
    const rows = await checkRows(pool, totals, 'rebuild');
    return {
      batchSize: options.projectionBatchSize,
      events: totals.events,
      seconds,
      eventsPerSecond: totals.events / seconds,
      rows,
    };
  } finally {
    await engine.stop();
    await monitor.close();
    await store.close();
    await pool.end();
  }
}
