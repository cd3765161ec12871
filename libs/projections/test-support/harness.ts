import pg from 'pg';
import { PostgresEventStore } from '#event-store';
import {
  ProjectionEngine,
  ProjectionMonitor,
  type Projection,
  type ProjectionEngineOptions,
} from '#projections';
import { createTestDatabase, type TestDatabase } from '#testing';
import { createTalliesTable } from './tallies.js';

type EngineOverrides = Partial<Omit<ProjectionEngineOptions, 'projections'>> & {
  projections: readonly Projection[];
};

/** One suite's database with a tallies table, and everything the suite opened on it, closed at the end. */
export class ProjectionsHarness {
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
  private readonly pools: pg.Pool[] = [];
  private readonly stores: PostgresEventStore[] = [];
  private readonly engines: ProjectionEngine[] = [];
  private readonly monitors: ProjectionMonitor[] = [];

  private constructor(readonly database: TestDatabase) {
    this.pool = this.newPool('projections-test');
    this.store = this.newStore('projections-test-store');
  }

  static async open(): Promise<ProjectionsHarness> {
    const harness = new ProjectionsHarness(await createTestDatabase());
    await createTalliesTable(harness.pool);
    return harness;
  }

  newPool(applicationName: string): pg.Pool {
    const pool = new pg.Pool({
      connectionString: this.database.url,
      application_name: applicationName,
      max: 5,
    });
    pool.on('error', () => undefined);
    this.pools.push(pool);
    return pool;
  }

  newStore(applicationName: string): PostgresEventStore {
    const store = new PostgresEventStore({
      connectionString: this.database.url,
      applicationName,
      pollIntervalMs: 100,
    });
    this.stores.push(store);
    return store;
  }

  /** A started engine with short pauses, on the suite's pool and store unless told otherwise. */
  async startEngine(options: EngineOverrides): Promise<ProjectionEngine> {
    const engine = new ProjectionEngine({
      store: this.store,
      pool: this.pool,
      lockRetryMs: 50,
      retryBaseMs: 10,
      ...options,
    });
    this.engines.push(engine);
    await engine.start();
    return engine;
  }

  monitor(projections: readonly Projection[], pollIntervalMs?: number): ProjectionMonitor {
    const monitor = new ProjectionMonitor({
      store: this.store,
      pool: this.pool,
      projections,
      pollIntervalMs,
    });
    this.monitors.push(monitor);
    return monitor;
  }

  async checkpointOf(projection: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ checkpoint: string | null }>(
      'SELECT checkpoint FROM projection_checkpoints WHERE projection = $1',
      [projection],
    );
    return rows[0]?.checkpoint ?? null;
  }

  /** The version the projection's live tables were last built by (its only row here). */
  async storedVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(`SELECT version FROM projection_checkpoints`);
    return rows[0]!.version;
  }

  async close(): Promise<void> {
    await Promise.all(this.engines.map((engine) => engine.stop()));
    await Promise.all(this.monitors.map((monitor) => monitor.close()));
    await Promise.all(this.stores.map((store) => store.close()));
    await Promise.all(this.pools.map((pool) => pool.end()));
    await this.database.drop();
  }
}
