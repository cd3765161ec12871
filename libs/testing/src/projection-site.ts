import type pg from 'pg';
import { PostgresEventStore, type NewEvent, type Position, type RecordedEvent } from '#event-store';
import { inTransaction, ProjectionEngine, ProjectionMonitor, type Projection } from '#projections';
import { createTestDatabase, type TestDatabase, testPool } from './database.js';

/** Appends to one stream, in order. */
export type Write = readonly [streamId: string, events: readonly NewEvent[]];

export interface ProjectOptions {
  /** Above the number of events (the default), everything appended reaches each projection in one batch. */
  readonly batchSize?: number;
  /** Rebuild every projection from the events once the engine runs. */
  readonly rebuild?: boolean;
  /** The site's projections unless given. */
  readonly projections?: readonly Projection[];
}

const names = (projections: readonly Projection[]): string[] => projections.map(({ name }) => name);

/**
 * One test database with its store, for projections run by the real engine: `project` appends,
 * then lets a fresh engine catch up, and notes the batches each projection was handed.
 */
export class ProjectionSite {
  readonly pool: pg.Pool;
  readonly store: PostgresEventStore;
  /** The event ids of each batch each projection was handed in the last `project`. */
  readonly batches = new Map<string, string[][]>();

  private constructor(
    readonly database: TestDatabase,
    readonly projections: readonly Projection[],
  ) {
    this.pool = testPool(database, 4);
    this.store = new PostgresEventStore({ connectionString: database.url, pollIntervalMs: 50 });
  }

  static async open(projections: readonly Projection[]): Promise<ProjectionSite> {
    return new ProjectionSite(await createTestDatabase(), projections);
  }

  /** `count` fresh sites for `work`, closed after it whatever happens. */
  static async withFresh(
    count: number,
    projections: readonly Projection[],
    work: (...sites: ProjectionSite[]) => Promise<void>,
  ): Promise<void> {
    const sites = await Promise.all(Array.from({ length: count }, () => ProjectionSite.open(projections)));
    try {
      await work(...sites);
    } finally {
      await Promise.all(sites.map((site) => site.close()));
    }
  }

  /** The sizes of the batches a projection was handed in the last `project`. */
  batchSizes(name: string): number[] | undefined {
    return this.batches.get(name)?.map((batch) => batch.length);
  }

  async rows<Row extends pg.QueryResultRow = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<Row[]> {
    return (await this.pool.query<Row>(sql, [...params])).rows;
  }

  async append(writes: readonly Write[]): Promise<Position> {
    let last: Position = this.store.origin;
    for (const [streamId, events] of writes) last = (await this.store.append(streamId, events)).position;
    return last;
  }

  async project(writes: readonly Write[], options: ProjectOptions = {}): Promise<void> {
    const last = await this.append(writes);
    const projections = options.projections ?? this.projections;
    const engine = new ProjectionEngine({
      store: this.store,
      pool: this.pool,
      projections: this.observed(projections),
      batchSize: options.batchSize ?? 5_000,
      lockRetryMs: 50,
      retryBaseMs: 10,
    });
    const monitor = new ProjectionMonitor({ store: this.store, pool: this.pool, projections });
    await engine.start();
    // The checks throw rather than call jest's expect: the build reaches #testing (the bench
    // imports it) and has no jest types.
    try {
      if (options.rebuild) {
        for (const { name } of projections) {
          if ((await monitor.requestRebuild(name)) !== true)
            throw new Error(`the rebuild of ${name} was refused`);
        }
      }
      if ((await monitor.waitFor(names(projections), last, 60_000)) !== true) {
        throw new Error('the projections did not reach the last event in time');
      }
      await this.untilRebuilt(projections);
    } finally {
      await monitor.close();
      await engine.stop();
    }
    const deadLetters = await this.rows(`SELECT projection, error FROM projection_dead_letters`);
    if (deadLetters.length > 0) throw new Error(`events were dead-lettered: ${JSON.stringify(deadLetters)}`);
  }

  /**
   * Appends, then hands every event of those streams to each projection in one batch (in the
   * store's order), as the engine would when it finds them all committed: a subscription under
   * load may hold back the newest events and split them over two batches. Answers how many
   * events there were.
   */
  async applyAtOnce(writes: readonly Write[]): Promise<number> {
    const last = await this.append(writes);
    const recorded: RecordedEvent[] = [];
    for (const streamId of new Set(writes.map(([streamId]) => streamId))) {
      for await (const event of this.store.readStream(streamId)) recorded.push(event);
    }
    recorded.sort((a, b) => this.store.comparePositions(a.position, b.position));
    await inTransaction(this.pool, async (client) => {
      for (const projection of this.projections) {
        await projection.apply(
          recorded.filter((event) => projection.handles.includes(event.type)),
          {
            query: async (sql, params) => (await client.query(sql, params as unknown[])).rows,
            table: (name) => `"${name}"`,
          },
        );
      }
      // As a batch would, so a later `project` goes on after these events rather than applying them again.
      await client.query(
        `INSERT INTO projection_checkpoints (projection, version, checkpoint)
         SELECT * FROM unnest($1::text[], $2::int[], $3::text[])
         ON CONFLICT (projection) DO UPDATE SET checkpoint = EXCLUDED.checkpoint`,
        [
          this.projections.map(({ name }) => name),
          this.projections.map(({ version }) => version),
          this.projections.map(() => last),
        ],
      );
    });
    return recorded.length;
  }

  async close(): Promise<void> {
    await this.store.close();
    await this.pool.end();
    await this.database.drop();
  }

  private observed(projections: readonly Projection[]): Projection[] {
    this.batches.clear();
    return projections.map((projection) => ({
      ...projection,
      apply: async (events, context) => {
        const seen = this.batches.get(projection.name) ?? [];
        seen.push(events.map((event) => event.metadata.eventId));
        this.batches.set(projection.name, seen);
        await projection.apply(events, context);
      },
    }));
  }

  /** Until no rebuild is asked for or under way, and every projection runs at its code's version. */
  private async untilRebuilt(projections: readonly Projection[]): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const [row] = await this.rows<{ pending: number }>(
        `SELECT count(*)::int AS pending
         FROM projection_checkpoints JOIN unnest($1::text[], $2::int[]) AS code(name, version)
           ON code.name = projection
         WHERE rebuild_requested_at IS NOT NULL OR rebuild_version IS NOT NULL
            OR projection_checkpoints.version <> code.version`,
        [names(projections), projections.map(({ version }) => version)],
      );
      if (row!.pending === 0) return;
      if (Date.now() > deadline) throw new Error('the rebuilds did not finish in time');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A deterministic `pick(count)` in [0, count), so a random history is the same on every run. */
export function seededPick(seed: number): (count: number) => number {
  let seeded = seed;
  return (count) => {
    seeded = (Math.imul(seeded, 1103515245) + 12345) >>> 0;
    return (seeded >>> 16) % count;
  };
}
