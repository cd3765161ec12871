import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { RunningApp } from './catalogue/search-load.js';
import { ServiceProcesses } from './http/service-processes.js';
import { StatementCounts } from './http/statements.js';
import { fillFilms, settle } from './film-log/prefill.js';
import { registerLoadMembers, type LoadMember } from './film-log/members.js';
import { driveClosedLoop, type ClosedLoopFigures, type HttpRequestSpec } from './http/closed-loop.js';
import {
  compare,
  copyReadModels,
  projectionsCaughtUp,
  type Generator,
  type Targets,
} from './http/compare.js';
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
  const statements = { service: new StatementCounts(), floor: new StatementCounts() };
  const app = await ServiceProcesses.start(
    serviceUrl,
    { ...SERVICE_ENV, ...statements.service.env },
    options.apiProcesses,
    nodeArguments,
    statements.service.nodeArguments,
  );
  const measured = await (async () => {
    try {
      const load = await loadOf(app.first, serviceUrl, options);
      await settle(serviceUrl);
      const floor = await RunningFloor.start({
        databaseUrl: floorUrl,
        jwtSecret: JWT_SECRET,
        poolSize: options.floorPoolSize,
        nodeArguments: statements.floor.nodeArguments,
        env: statements.floor.env,
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
        const targets: Targets = {
          app,
          floor,
          serviceUrl,
          floorUrl,
          serverUrl: options.serverUrl,
          statements,
        };
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
