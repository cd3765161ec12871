import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { filmLogStream } from '../src/modules/film-log/domain/film-log.events.js';
import { withRunningApp, type RunningApp } from './catalogue/search-load.js';
import { measureDiary } from './film-log/diary.js';
import { FreshnessProbe } from './film-log/freshness.js';
import { driveCommands, driveFilmStats, driveMemberFilmState, driveRatings } from './film-log/http-load.js';
import { KnownMarks } from './film-log/known-marks.js';
import { registerLoadMembers, type LoadMember } from './film-log/members.js';
import { describeMethod } from './film-log/method.js';
import { parseFilmLogBenchOptions, type FilmLogBenchOptions } from './film-log/options.js';
import { fillFilms, prefillFilmLog, prefillMembers, settle, vacuumAnalyze } from './film-log/prefill.js';
import { measureProjections, waitForServiceProjections } from './film-log/projections.js';
import { formatReport, targetsOf, type CommandFigures, type FilmLogBenchReport } from './film-log/report.js';
import { runBench, timed } from './shared/bench-cli.js';
import { BenchDatabases } from './store/databases.js';
import type { AppendFigures } from './store/load.js';
import { measureRawAppends } from './store/raw.js';

/** The service as deployed on one machine, with sign-ups unthrottled so the bench can register its members. */
const SERVICE_ENV = {
  APP_ROLE: 'all',
  AUTH_RATE_LIMIT_PER_MINUTE: '0',
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  REDIS_KEY_PREFIX: 'filmlog-bench:',
};

async function rawBaseline(databases: BenchDatabases, options: FilmLogBenchOptions): Promise<AppendFigures> {
  return databases.inFresh('raw_append', async (url) => {
    return await measureRawAppends(url, {
      writers: options.connections,
      warmUpMs: options.rawWarmUpMs,
      appendMs: options.rawMs,
      appendCount: Number.POSITIVE_INFINITY,
    });
  });
}

async function eventsAfter(url: string, globalPosition: string | null, leaveOut: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ events: number }>(
      `SELECT count(*)::int AS events FROM events WHERE global_position > $1::bigint AND stream_id <> $2`,
      [globalPosition ?? '0', leaveOut],
    );
    return rows[0]!.events;
  } finally {
    await client.end();
  }
}

async function lastGlobalPosition(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ last: string | null }>(
      'SELECT max(global_position)::text AS last FROM events',
    );
    return rows[0]!.last;
  } finally {
    await client.end();
  }
}

async function commandPhase(
  app: RunningApp,
  url: string,
  load: { members: readonly LoadMember[]; films: readonly string[]; probe: LoadMember; probeFilm: string },
  options: FilmLogBenchOptions,
  raw: AppendFigures,
) {
  const { connections } = options;
  const known = await KnownMarks.load(
    url,
    load.members.map((member) => member.id),
  );
  await driveCommands(app, load.members, load.films, known, {
    connections,
    seconds: options.warmUpSeconds,
    seed: 1,
  });
  const before = await lastGlobalPosition(url);
  const probe = new FreshnessProbe(app, url, load.probe, load.probeFilm);
  const figures = await driveCommands(app, load.members, load.films, known, {
    connections,
    seconds: options.commandSeconds,
    seed: 2,
  });
  const freshness = await probe.stop();
  // Counted before the ratings and diary loads, whose events are theirs.
  const events = await eventsAfter(url, before, filmLogStream(load.probe.id, load.probeFilm));
  // Ratings next to the other commands: same members, films and connections.
  const ratings = await driveRatings(app, load.members, load.films, known, {
    connections,
    seconds: options.readSeconds,
    seed: 7,
  });
  // Diary writes last: a film with entries can no longer be unchecked, which the taps above do.
  const diary = await timed(`HTTP diary writes (${options.diarySeconds} s)`, () =>
    measureDiary(app, url, load, known, options),
  );
  const eventsPerSecond = events / figures.seconds;
  const commands: CommandFigures = {
    load: figures,
    events,
    eventsPerSecond,
    ratioToRaw: figures.requestsPerSecond / raw.appendsPerSecond,
    eventsRatioToRaw: eventsPerSecond / raw.appendsPerSecond,
  };
  return { commands, freshness, ratings, diary };
}

async function readPhase(
  app: RunningApp,
  members: readonly LoadMember[],
  films: readonly string[],
  options: FilmLogBenchOptions,
) {
  const { connections, warmUpSeconds, readSeconds } = options;
  await driveFilmStats(app, films, { connections, seconds: warmUpSeconds, seed: 3 });
  const filmStats = await driveFilmStats(app, films, { connections, seconds: readSeconds, seed: 4 });
  await driveMemberFilmState(app, members, films, { connections, seconds: warmUpSeconds, seed: 5 });
  const memberFilmState = await driveMemberFilmState(app, members, films, {
    connections,
    seconds: readSeconds,
    seed: 6,
  });
  return { filmStats, memberFilmState };
}

async function measure(databases: BenchDatabases, options: FilmLogBenchOptions) {
  const begin = performance.now();
  const raw = await timed(`raw INSERT baseline (${options.rawMs} ms)`, () => rawBaseline(databases, options));
  return databases.inFresh('film_log', async (url) => {
    const films = await timed(`fill ${options.films} films`, () => fillFilms(url, options.films));
    const probeFilm = films.ids.at(-1)!;
    const loadFilms = films.ids.slice(0, -1);
    const registrationBegin = performance.now();
    const registered = await withRunningApp(url, SERVICE_ENV, (app) =>
      timed(`register ${options.loadMembers + 1} members`, () =>
        registerLoadMembers(app, url, options.loadMembers + 1),
      ),
    );
    const registration = {
      members: registered.length,
      seconds: (performance.now() - registrationBegin) / 1_000,
    };
    const members = registered.slice(0, -1);
    const probe = registered.at(-1)!;
    const memberIds = prefillMembers(
      members.map((member) => member.id),
      options.members,
    );
    const { figures: prefill, head } = await timed(`prefill ${options.events} events`, () =>
      prefillFilmLog(url, options, memberIds, loadFilms),
    );
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));
    const projections = await timed('projections: catch-up from zero, then rebuild', () =>
      measureProjections(url, options, head, prefill.totals),
    );
    const measured = await withRunningApp(url, SERVICE_ENV, async (app) => {
      const serviceCatchUp = await timed("the service's other projections catch up", () =>
        waitForServiceProjections(url, head, options.projectionLimitMs),
      );
      await timed('vacuum (analyze) and checkpoint', () => settle(url));
      const writes = await timed(`HTTP writes (${options.commandSeconds} s) with the freshness probe`, () =>
        commandPhase(app, url, { members, films: loadFilms, probe, probeFilm }, options, raw),
      );
      const reads = await timed(`HTTP reads (2 × ${options.readSeconds} s)`, () =>
        readPhase(app, members, loadFilms, options),
      );
      return { ...writes, reads, serviceCatchUp };
    });
    const figures = {
      options,
      seconds: (performance.now() - begin) / 1_000,
      films: films.figures,
      registration,
      prefill,
      raw,
      projections,
      ...measured,
    };
    return { ...figures, targets: targetsOf(figures), method: describeMethod(options) };
  });
}

const options = parseFilmLogBenchOptions(process.argv.slice(2));
await runBench<FilmLogBenchReport>({
  name: 'film-log',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
