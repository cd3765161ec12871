import pg from 'pg';
import { encodePosition } from '../../libs/event-store/src/postgres/position.js';
import { waitForServiceProjections } from '../film-log/projections.js';
import { timed } from '../shared/bench-cli.js';
import { driveClosedLoop, type ClosedLoopFigures, type HttpRequestSpec } from './closed-loop.js';
import type { RunningFloor } from './floor.js';
import type { HttpBenchOptions } from './options.js';
import type { Comparison } from './report.js';
import type { ServiceProcesses } from './service-processes.js';
import { perRequest, type StatementCounts } from './statements.js';

/** The next request of a load, by its index. */
export type Generator = (index: number) => HttpRequestSpec;

const CATCH_UP_LIMIT_MS = 120_000;

/**
 * Floor and service take turns in short slices, so a change in what else the machine is doing
 * falls on both alike; the ratio is of their request totals over equal time.
 */
export async function compare(
  label: string,
  targets: Targets,
  generators: { service: Generator; floor: Generator },
  options: HttpBenchOptions,
): Promise<Comparison> {
  const { app, floor } = targets;
  return timed(label, async () => {
    const slice = options.seconds / options.rounds;
    await driveClosedLoop(floor.baseUrl, options.connections, options.warmUpSeconds, generators.floor);
    await driveClosedLoop(app.baseUrls, options.connections, options.warmUpSeconds, generators.service);
    await projectionsCaughtUp(targets.serviceUrl);
    const before = await counters(targets, options);
    const floorSlices: ClosedLoopFigures[] = [];
    const serviceSlices: ClosedLoopFigures[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      floorSlices.push(await driveClosedLoop(floor.baseUrl, options.connections, slice, generators.floor));
      serviceSlices.push(await driveClosedLoop(app.baseUrls, options.connections, slice, generators.service));
    }
    // What the requests cost the database includes the projections' work on what they wrote.
    await projectionsCaughtUp(targets.serviceUrl);
    const after = await counters(targets, options);
    const service = combine(serviceSlices);
    const floorFigures = combine(floorSlices);
    return {
      label,
      service,
      floor: floorFigures,
      ratio: service.requests / floorFigures.requests,
      transactionsPerRequest: {
        service: (after.transactions.service - before.transactions.service) / service.requests,
        floor: (after.transactions.floor - before.transactions.floor) / floorFigures.requests,
      },
      statementsPerRequest: {
        service: perRequest(before.statements.service, after.statements.service, service.requests),
        floor: perRequest(before.statements.floor, after.statements.floor, floorFigures.requests),
      },
    };
  });
}

export interface Targets {
  readonly app: ServiceProcesses;
  readonly floor: RunningFloor;
  readonly serviceUrl: string;
  readonly floorUrl: string;
  /** The maintenance database, to read the counters without adding to them. */
  readonly serverUrl: string;
  readonly statements: { readonly service: StatementCounts; readonly floor: StatementCounts };
}

async function counters(targets: Targets, options: HttpBenchOptions) {
  const transactionCounts = await transactions(targets, options);
  const [service, floor] = await Promise.all([
    targets.statements.service.read(),
    targets.statements.floor.read(),
  ]);
  return { transactions: transactionCounts, statements: { service, floor } };
}

/** A backend that goes idle reports its counters up to 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL). */
const STATISTICS_FLUSH_MS = 11_000;

/** Transactions committed or rolled back so far in each target's database (every autocommit statement is one). */
async function transactions(
  targets: Targets,
  options: HttpBenchOptions,
): Promise<{ service: number; floor: number }> {
  if (options.smoke) return { service: Number.NaN, floor: Number.NaN };
  await new Promise((resolve) => setTimeout(resolve, STATISTICS_FLUSH_MS));
  const client = new pg.Client({ connectionString: targets.serverUrl });
  await client.connect();
  try {
    const name = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));
    const { rows } = await client.query<{ datname: string; total: string }>(
      `SELECT datname, (xact_commit + xact_rollback)::text AS total FROM pg_stat_database WHERE datname = ANY($1)`,
      [[name(targets.serviceUrl), name(targets.floorUrl)]],
    );
    const total = (url: string): number =>
      Number(rows.find((row) => row.datname === name(url))?.total ?? NaN);
    return { service: total(targets.serviceUrl), floor: total(targets.floorUrl) };
  } finally {
    await client.end();
  }
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Totals over the slices; latency percentiles as the median slice's. */
const combine = (slices: readonly ClosedLoopFigures[]): ClosedLoopFigures => {
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0);
  return {
    connections: slices[0]!.connections,
    seconds,
    requests,
    requestsPerSecond: Math.round(requests / seconds),
    p50Ms: median(slices.map((slice) => slice.p50Ms)),
    p99Ms: median(slices.map((slice) => slice.p99Ms)),
    maxMs: Math.max(...slices.map((slice) => slice.maxMs)),
    non2xx: slices.reduce((sum, slice) => sum + slice.non2xx, 0),
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
  };
};

/** Before the next request is measured, the service's projections finish what the last load wrote. */
export async function projectionsCaughtUp(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ transaction_id: string; global_position: string }>(
      'SELECT transaction_id::text, global_position::text FROM events ORDER BY global_position DESC LIMIT 1',
    );
    if (rows.length === 0) return;
    const head = encodePosition({
      transactionId: BigInt(rows[0]!.transaction_id),
      globalPosition: BigInt(rows[0]!.global_position),
    });
    await waitForServiceProjections(url, head, CATCH_UP_LIMIT_MS);
  } finally {
    await client.end();
  }
}

/** The floor reads the same rows from a database of its own, so each database counts one target's work. */
export async function copyReadModels(from: string, to: string): Promise<void> {
  const source = new pg.Client({ connectionString: from });
  const target = new pg.Client({ connectionString: to });
  await Promise.all([source.connect(), target.connect()]);
  try {
    for (const table of ['film_stats', 'film_comment_counts', 'user_film_state']) {
      const { rows } = await source.query<{ rows: unknown }>(
        `SELECT coalesce(jsonb_agg(t), '[]') AS rows FROM ${table} AS t`,
      );
      await target.query(`TRUNCATE ${table}`);
      await target.query(
        `INSERT INTO ${table} SELECT * FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
        [JSON.stringify(rows[0]!.rows)],
      );
    }
    await target.query('VACUUM ANALYZE');
  } finally {
    await Promise.all([source.end(), target.end()]);
  }
}
