import { performance } from 'node:perf_hooks';
import { PostgresEventStore, type Position } from '#event-store';
import { ProjectionEngine, ProjectionMonitor, type Projection } from '#projections';
import type pg from 'pg';
import { filmStatsProjection } from '../../src/modules/film-log/projections/film-stats.projection.js';
import { userFilmStateProjection } from '../../src/modules/film-log/projections/user-film-state.projection.js';
import { festivalPlansProjection } from '../../src/modules/festivals/plan/projections/festival-plans.projection.js';
import { openPool } from '../store/databases.js';
import type { FestivalBenchOptions } from './options.js';
import type { PlanTotals } from './plans.js';

export interface CatchUpRun {
  readonly projection: string;
  /** Events of the types it handles: what it read and applied. */
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

export interface CatchUpFigures {
  readonly batchSize: number;
  readonly festivalPlans: CatchUpRun;
  readonly userFilmState: CatchUpRun;
  readonly filmStats: CatchUpRun;
}

async function eventsHandled(pool: pg.Pool, projection: Projection): Promise<number> {
  const { rows } = await pool.query<{ events: number }>(
    'SELECT count(*)::int AS events FROM events WHERE type = ANY($1::text[])',
    [projection.handles],
  );
  return rows[0]!.events;
}

/**
 * One projection alone in this process, from no event applied into its empty tables, timed from
 * the engine's start until its checkpoint has passed `head` (the last event of its kind).
 */
async function catchUpAlone(
  url: string,
  projection: Projection,
  head: Position,
  options: Pick<FestivalBenchOptions, 'projectionBatchSize' | 'limitMs'>,
): Promise<CatchUpRun> {
  const pool = openPool(url, 10, 'filmlog-bench-projections');
  const store = new PostgresEventStore({
    connectionString: url,
    applicationName: 'filmlog-bench-projections',
  });
  const projections = [projection];
  const engine = new ProjectionEngine({ store, pool, projections, batchSize: options.projectionBatchSize });
  const monitor = new ProjectionMonitor({ store, pool, projections });
  try {
    const events = await eventsHandled(pool, projection);
    const begin = performance.now();
    await engine.start();
    if (!(await monitor.waitFor([projection.name], head, options.limitMs))) {
      throw new Error(`${projection.name} did not catch up within ${options.limitMs} ms`);
    }
    const seconds = (performance.now() - begin) / 1_000;
    return { projection: projection.name, events, seconds, eventsPerSecond: events / seconds };
  } finally {
    await engine.stop();
    await monitor.close();
    await store.close();
    await pool.end();
  }
}

/** The plan read model must hold what the generator wrote; otherwise the figures mean nothing. */
async function checkPlans(url: string, totals: PlanTotals): Promise<void> {
  const pool = openPool(url, 1, 'filmlog-bench-monitor');
  try {
    const { rows } = await pool.query<{ items: number; shared: number }>(`
      SELECT (SELECT count(*) FROM festival_plan_items)::int AS items,
             (SELECT count(*) FROM festival_plans WHERE visibility <> 'private')::int AS shared`);
    const found = rows[0]!;
    if (found.items !== totals.items || found.shared !== totals.shared) {
      throw new Error(
        `festival-plans read model wrong after its catch-up: ${found.items} plan items (expected ` +
          `${totals.items}), ${found.shared} shared plans (expected ${totals.shared})`,
      );
    }
  } finally {
    await pool.end();
  }
}

/**
 * Before the service starts: the festival-plans projection from zero over every prefilled plan
 * event, then, the same way, the two film-log projections a favourite feeds (user-film-state,
 * film-stats) over the prefilled film log; one at a time, each alone on the machine.
 */
export async function measureCatchUps(
  url: string,
  heads: { readonly filmLog: Position; readonly plans: Position },
  totals: PlanTotals,
  options: Pick<FestivalBenchOptions, 'projectionBatchSize' | 'limitMs'>,
): Promise<CatchUpFigures> {
  const festivalPlans = await catchUpAlone(url, festivalPlansProjection, heads.plans, options);
  await checkPlans(url, totals);
  const userFilmState = await catchUpAlone(url, userFilmStateProjection, heads.filmLog, options);
  const filmStats = await catchUpAlone(url, filmStatsProjection, heads.filmLog, options);
  return { batchSize: options.projectionBatchSize, festivalPlans, userFilmState, filmStats };
}
