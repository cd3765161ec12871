import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import { ProjectionMonitor, type ProjectionStatus } from '#projections';
import { projections } from '../../../src/features.js';
import type { Client, Member } from './mixed-load.js';

/** Columns that say when a row was written, not what it holds: a rebuild writes them anew. */
const WRITE_TIME_COLUMNS = ['updated_at'];

/** Reads the projections' progress and tables of one database, from the test process. */
export class ReadModels {
  readonly pool: pg.Pool;
  private readonly store: PostgresEventStore;
  private readonly monitor: ProjectionMonitor;

  constructor(databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    this.pool.on('error', () => undefined);
    this.store = new PostgresEventStore({
      connectionString: databaseUrl,
      applicationName: 'resilience-test',
    });
    this.monitor = new ProjectionMonitor({ store: this.store, pool: this.pool, projections });
  }

  statuses(): Promise<ProjectionStatus[]> {
    return this.monitor.statuses();
  }

  /** Waits until every projection runs (some process holds it), has no rebuild pending and has applied every event. */
  async untilCaughtUp(timeoutMs: number): Promise<ProjectionStatus[]> {
    const deadline = Date.now() + timeoutMs;
    let statuses: ProjectionStatus[] = [];
    while (Date.now() < deadline) {
      statuses = await this.statuses().catch(() => []);
      if (
        statuses.length === projections.length &&
        statuses.every((status) => status.status === 'running' && status.lagEvents === 0)
      ) {
        return statuses;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`projections did not catch up within ${timeoutMs} ms: ${JSON.stringify(statuses)}`);
  }

  async deadLetters(): Promise<unknown[]> {
    return (await this.pool.query('SELECT projection, event_type, error FROM projection_dead_letters')).rows;
  }

  /**
   * Recounts every read model from the event store and compares: the live tables are copied, every
   * projection is rebuilt from the first event (the engine's blue/green rebuild, one clean pass),
   * and the copies must equal the rebuilt tables row for row. A batch applied twice or skipped
   * after a crash shows up as a difference in a counter or a row.
   */
  async differencesFromRecount(api: Client, admin: Member, timeoutMs: number): Promise<string[]> {
    const tables = projections.flatMap((projection) => projection.tables);
    for (const table of tables) {
      await this.pool.query(`DROP TABLE IF EXISTS "before_recount_${table}"`);
      await this.pool.query(`CREATE TABLE "before_recount_${table}" AS TABLE "${table}"`);
    }
    for (const { name } of projections) {
      await api.must('rebuild', 'POST', `/admin/projections/${name}/rebuild`, { token: admin.token });
    }
    await this.untilCaughtUp(timeoutMs);
    return this.differencesFromCopies();
  }

  /** Rows in which the live tables' copies (taken before the recount) and the rebuilt tables differ. */
  async differencesFromCopies(): Promise<string[]> {
    const differences: string[] = [];
    const row = (alias: string) => `to_jsonb(${alias}) - '{${WRITE_TIME_COLUMNS.join(',')}}'::text[]`;
    for (const table of projections.flatMap((projection) => projection.tables)) {
      const { rows } = await this.pool.query<{ side: string; row: unknown }>(
        `(SELECT 'live only' AS side, ${row('l')} AS row FROM "before_recount_${table}" l
          EXCEPT ALL SELECT 'live only', ${row('r')} FROM "${table}" r)
         UNION ALL
         (SELECT 'recount only', ${row('r')} FROM "${table}" r
          EXCEPT ALL SELECT 'recount only', ${row('l')} FROM "before_recount_${table}" l)
         LIMIT 20`,
      );
      for (const difference of rows)
        differences.push(`${table}: ${difference.side} ${JSON.stringify(difference.row)}`);
    }
    return differences;
  }

  /** Rows of every projection table, to show the recount compared something. */
  async rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of projections.flatMap((projection) => projection.tables)) {
      const { rows } = await this.pool.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM "${table}"`,
      );
      counts[table] = rows[0]!.count;
    }
    return counts;
  }

  async close(): Promise<void> {
    await this.monitor.close();
    await this.store.close();
    await this.pool.end();
  }
}
