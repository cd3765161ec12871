import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { RunningApp } from './catalogue/search-load.js';
import { ServiceProcesses } from './http/service-processes.js';
import { fillFilms, settle } from './film-log/prefill.js';
import { waitForServiceProjections } from './film-log/projections.js';
import { encodePosition } from '../libs/event-store/src/postgres/position.js';
import { registerLoadMembers, type LoadMember } from './film-log/members.js';
import { driveClosedLoop, type ClosedLoopFigures, type HttpRequestSpec } from './http/closed-loop.js';
import { RunningFloor } from './http/floor.js';
import { driveOpenLoop, type OpenLoopFigures } from './http/open-loop.js';
import { summarizeNewestProfile } from './http/profile.js';
import { parseHttpBenchOptions, type HttpBenchOptions } from './http/options.js';
import { formatHttpReport, type HttpBenchReport, type Comparison, type ServiceOnly } from './http/report.js';
import { runBench, timed } from './shared/bench-cli.js';
import type { BenchDatabases } from './store/databases.js';

const JWT_SECRET = 'bench-http-secret-used-by-the-service-and-its-floor';

/** The service as `npm start` runs it on one machine, with sign-ups unthrottled for the bench's members. */
const SERVICE_ENV = {
  APP_ROLE: 'all',
  AUTH_RATE_LIMIT_PER_MINUTE: '0',
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  JWT_SECRET,
  LOG_LEVEL: 'info',
  REDIS_KEY_PREFIX: 'filmlog-bench-http:',
};

const CATCH_UP_LIMIT_MS = 120_000;

type Generator = (index: number) => HttpRequestSpec;

interface Load {
  readonly members: readonly LoadMember[];
  readonly filmIds: readonly string[];
  readonly slugs: readonly string[];
}

const bearer = (member: LoadMember): Record<string, string> => ({ authorization: `Bearer ${member.token}` });

/**
 * Each (member, film) pair in turn, put up on even rounds and taken back on odd ones, so every
 * request changes something and no two requests in flight share a stream (the pairs far outnumber
 * the connections). Each target keeps its own round count, as each starts from untouched streams.
 */
function tapper(load: Load, mark: string, filmsPerMember: number): Generator {
  const pairs = load.members.length * filmsPerMember;
  let sent = 0;
  return () => {
    const index = sent++;
    const pair = index % pairs;
    const member = load.members[pair % load.members.length]!;
    const film = load.filmIds[Math.floor(pair / load.members.length) % load.filmIds.length]!;
    const putUp = Math.floor(index / pairs) % 2 === 0;
    return {
      method: putUp ? 'PUT' : 'DELETE',
      path: `/api/v1/films/${film}/${mark}`,
      headers: bearer(member),
    };
  };
}

const cycling =
  (load: Load, request: (film: string, member: LoadMember, slug: string) => HttpRequestSpec): Generator =>
  (index) =>
    request(
      load.filmIds[index % load.filmIds.length]!,
      load.members[index % load.members.length]!,
      load.slugs[index % load.slugs.length]!,
    );

async function closedLoop(
  baseUrl: string | readonly string[],
  generator: Generator,
  options: HttpBenchOptions,
): Promise<ClosedLoopFigures> {
  await driveClosedLoop(baseUrl, options.connections, options.warmUpSeconds, generator);
  return driveClosedLoop(baseUrl, options.connections, options.seconds, generator);
}

/**
 * Floor and service take turns in short slices, so a change in what else the machine is doing
 * falls on both alike; the ratio is of their request totals over equal time.
 */
async function compare(
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
    const before = await transactions(targets, options);
    const floorSlices: ClosedLoopFigures[] = [];
    const serviceSlices: ClosedLoopFigures[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      floorSlices.push(await driveClosedLoop(floor.baseUrl, options.connections, slice, generators.floor));
      serviceSlices.push(await driveClosedLoop(app.baseUrls, options.connections, slice, generators.service));
    }
    // What the requests cost the database includes the projections' work on what they wrote.
    await projectionsCaughtUp(targets.serviceUrl);
    const after = await transactions(targets, options);
    const service = combine(serviceSlices);
    const floorFigures = combine(floorSlices);
    return {
      label,
      service,
      floor: floorFigures,
      ratio: service.requests / floorFigures.requests,
      transactionsPerRequest: {
        service: (after.service - before.service) / service.requests,
        floor: (after.floor - before.floor) / floorFigures.requests,
      },
    };
  });
}

interface Targets {
  readonly app: ServiceProcesses;
  readonly floor: RunningFloor;
  readonly serviceUrl: string;
  readonly floorUrl: string;
  /** The maintenance database, to read the counters without adding to them. */
  readonly serverUrl: string;
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
async function projectionsCaughtUp(url: string): Promise<void> {
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

/** At half the closed-loop maximum, the latency a member would see when the service is busy but not saturated. */
async function openLoopAtHalf(
  app: ServiceProcesses,
  measured: ClosedLoopFigures,
  generator: Generator,
  options: HttpBenchOptions,
): Promise<OpenLoopFigures> {
  const rate = Math.max(10, Math.round(measured.requestsPerSecond / 2));
  return driveOpenLoop(app.baseUrls, rate, options.openLoopSeconds, generator);
}

/** The floor reads the same rows from a database of its own, so each database counts one target's work. */
async function copyReadModels(from: string, to: string): Promise<void> {
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

async function loadOf(app: RunningApp, url: string, options: HttpBenchOptions): Promise<Load> {
  const { ids } = await timed(`fill ${options.films} films`, () => fillFilms(url, options.films));
  const members = await timed(`register ${options.members} members`, () =>
    registerLoadMembers(app, url, options.members),
  );
  const filmIds = ids.slice(0, Math.max(options.filmsPerMember, 1));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(
      'SELECT slug FROM films WHERE id = ANY($1::uuid[])',
      [filmIds],
    );
    return { members, filmIds, slugs: rows.map((row) => row.slug) };
  } finally {
    await client.end();
  }
}

async function measure(
  databases: BenchDatabases,
  options: HttpBenchOptions,
): Promise<Omit<HttpBenchReport, 'startedAt' | 'machine' | 'loadAverage'>> {
  const serviceUrl = await databases.create('http_service', { migrate: true });
  const floorUrl = await databases.create('http_floor', { migrate: true });
  const profileDirectory = options.profile
    ? await mkdtemp(path.join(os.tmpdir(), 'filmlog-http-profile-'))
    : null;
  const nodeArguments = profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [];
  const app = await ServiceProcesses.start(serviceUrl, SERVICE_ENV, options.apiProcesses, nodeArguments);
  const measured = await (async () => {
    try {
      const load = await loadOf(app.first, serviceUrl, options);
      await settle(serviceUrl);
      const floor = await RunningFloor.start({
        databaseUrl: floorUrl,
        jwtSecret: JWT_SECRET,
        poolSize: options.floorPoolSize,
      });
      try {
        const tap = (mark: string): Generator => tapper(load, mark, options.filmsPerMember);
        const health: Generator = () => ({ method: 'GET', path: '/health', headers: {} });
        const stats = cycling(load, (film) => ({
          method: 'GET',
          path: `/api/v1/films/${film}/stats`,
          headers: {},
        }));
        const state = cycling(load, (film, member) => ({
          method: 'GET',
          path: `/api/v1/me/films/${film}`,
          headers: bearer(member),
        }));
        const page = cycling(load, (_film, member, slug) => ({
          method: 'GET',
          path: `/film/${slug}`,
          headers: { accept: 'text/html', cookie: `filmlog_session=${member.token}` },
        }));

        // One generator per target and mark for the whole run, so each goes on toggling where it stopped.
        const taps = { favourite: tap('favourite'), check: tap('check'), watchlist: tap('watchlist') };
        const floorTaps = tap('favourite');
        const requests: readonly {
          label: string;
          service: Generator;
          floor: Generator | null;
          goal: 'command' | 'read' | null;
        }[] = [
          { label: 'GET /health', service: health, floor: health, goal: null },
          {
            label: 'favourite / unfavourite (command)',
            service: taps.favourite,
            floor: floorTaps,
            goal: 'command',
          },
          { label: 'check / uncheck (command)', service: taps.check, floor: floorTaps, goal: null },
          {
            label: 'watchlist / unwatchlist (command)',
            service: taps.watchlist,
            floor: floorTaps,
            goal: null,
          },
          { label: 'GET /films/{id}/stats', service: stats, floor: stats, goal: 'read' },
          { label: 'GET /me/films/{id}', service: state, floor: state, goal: 'read' },
          { label: 'GET /film/{slug} (signed in)', service: page, floor: null, goal: 'read' },
        ];
        const comparisons: Comparison[] = [];
        const openLoops: ServiceOnly[] = [];
        let filmPage: ClosedLoopFigures | null = null;
        const chosen = requests.filter(({ label }) => options.only === null || label.includes(options.only));
        const targets: Targets = { app, floor, serviceUrl, floorUrl, serverUrl: options.serverUrl };
        for (const request of chosen) {
          await projectionsCaughtUp(serviceUrl);
          if (request.goal === 'read') await copyReadModels(serviceUrl, floorUrl);
          if (request.floor) {
            comparisons.push(
              await compare(
                request.label,
                targets,
                { service: request.service, floor: request.floor },
                options,
              ),
            );
          } else {
            filmPage = await timed(request.label, () => closedLoop(app.baseUrls, request.service, options));
          }
        }
        for (const request of chosen.filter(({ goal }) => goal !== null)) {
          const closed = comparisons.find(({ label }) => label === request.label)?.service ?? filmPage!;
          await projectionsCaughtUp(serviceUrl);
          const figures = await timed(`open loop: ${request.label}`, () =>
            openLoopAtHalf(app, closed, request.service, options),
          );
          // The floor at the same rate: what the machine and the generator alone add to the tail.
          const floorFigures = request.floor
            ? await driveOpenLoop(
                floor.baseUrl,
                figures.ratePerSecond,
                options.openLoopSeconds,
                request.floor,
              )
            : null;
          openLoops.push({ label: request.label, closed, openLoop: figures, floorOpenLoop: floorFigures });
        }
        if (!app.running) throw new Error(`the service stopped during the load:\n${app.recentOutput}`);
        return { options, comparisons, filmPage, openLoops };
      } finally {
        await floor.stop();
      }
    } finally {
      await app.stop();
    }
  })();
  const profile = profileDirectory ? await summarizeNewestProfile(profileDirectory) : null;
  return { ...measured, profile };
}

const options = parseHttpBenchOptions(process.argv.slice(2));
await runBench<HttpBenchReport>({
  name: 'http',
  options,
  measure: (databases) => measure(databases, options),
  format: formatHttpReport,
});
