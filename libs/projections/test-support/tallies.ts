import { testEvent as newEvent } from '#testing';
import type pg from 'pg';
import type { EventStore, Position, RecordedEvent } from '#event-store';
import type { Projection, ProjectionContext } from '#projections';

export const TALLIED = 'Tallied';
export const IGNORED = 'Ignored';

export { newEvent };

/** Appends `perStream` Tallied events to each stream; returns the position of the last append. */
export async function appendTallies(
  store: EventStore,
  streams: readonly string[],
  perStream: number,
): Promise<Position> {
  let last = '';
  for (const stream of streams) {
    const events = Array.from({ length: perStream }, () => newEvent(TALLIED));
    last = (await store.append(stream, events)).position;
  }
  return last;
}

export const streamNames = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

/** With a serial column and a secondary index, like real read models, which a rebuild must keep. */
export async function createTalliesTable(pool: pg.Pool): Promise<void> {
  await pool.query(
    `CREATE TABLE tallies (id bigserial, stream_id text PRIMARY KEY, applied integer NOT NULL)`,
  );
  await pool.query(`CREATE INDEX tallies_by_applied ON tallies (applied)`);
}

/** How many events each stream's row counted, keyed by stream. */
export async function readTallies(pool: pg.Pool, table = 'tallies'): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ stream_id: string; applied: number }>(
    `SELECT stream_id, applied FROM ${table} ORDER BY stream_id`,
  );
  return Object.fromEntries(rows.map((row) => [row.stream_id, row.applied]));
}

/** Adds `weight` per event to its stream's row, set-based. */
export async function addTallies(events: readonly RecordedEvent[], context: ProjectionContext, weight = 1) {
  const table = context.table('tallies');
  await context.query(
    `INSERT INTO ${table} AS tally (stream_id, applied)
     SELECT stream_id, count(*) * $2 FROM unnest($1::text[]) AS stream_id GROUP BY stream_id
     ON CONFLICT (stream_id) DO UPDATE SET applied = tally.applied + EXCLUDED.applied`,
    [events.map((event) => event.streamId), weight],
  );
}

export interface TalliesOptions {
  readonly version?: number;
  /** Each event counts this much (a new version may count differently). */
  readonly weight?: number;
  /** Runs before the events are counted, inside the batch's transaction. */
  readonly before?: (events: readonly RecordedEvent[], context: ProjectionContext) => Promise<void>;
  readonly indexesForReadersOnly?: readonly string[];
}

/** Counts Tallied events per stream: a read model where "each event applied once" is easy to check. */
export const talliesProjection = (options: TalliesOptions = {}): Projection => ({
  name: 'tallies',
  version: options.version ?? 1,
  handles: [TALLIED],
  tables: ['tallies'],
  indexesForReadersOnly: options.indexesForReadersOnly,
  async apply(events, context) {
    await options.before?.(events, context);
    await addTallies(events, context, options.weight ?? 1);
  },
});

/** Polls `check` until it is true; fails after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 10_000,
  what = 'condition',
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
