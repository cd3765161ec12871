import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { withRunningApp, type RunningApp } from './catalogue/search-load.js';
import { fillFilms, prefillFilmLog, settle, vacuumAnalyze } from './film-log/prefill.js';
import { runBench, timed } from './shared/bench-cli.js';
import { describeDataset } from './social/dataset.js';
import { FollowGraph } from './social/follows.js';
import {
  driveFeed,
  driveFeedThirdPage,
  driveFilmActivity,
  driveFriends,
  driveHealth,
  driveHome,
  drivePopular,
  thirdPageCursors,
  type LoadTiming,
} from './social/loads.js';
import {
  benchMembers,
  insertAccounts,
  mintTokens,
  registrations,
  TOKEN_TTL_SECONDS,
  type BenchMember,
} from './social/members.js';
import { describeMethod } from './social/method.js';
import { parseSocialBenchOptions, type SocialBenchOptions } from './social/options.js';
import { appendStreams } from './social/prefill.js';
import {
  ACTIVITY_REBUILD,
  POPULARITY_REBUILD,
  measureRebuild,
  watchServiceCatchUp,
  type RebuildFigures,
  type RebuildSubject,
} from './social/projections.js';
import {
  formatReport,
  targetsOf,
  type SocialBenchReport,
  type SocialLoads,
  type SocialPrefill,
} from './social/report.js';
import type { BenchDatabases } from './store/databases.js';

/** Signs the readers' tokens here and in the service, which is started with it. */
const JWT_SECRET = randomBytes(32).toString('base64url');

/** The service as deployed on one machine. */
const SERVICE_ENV = {
  APP_ROLE: 'all',
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: 'filmlog-bench:',
};

/** Members and their registrations, the film log, then the follows: all through the event store port. */
async function prefill(url: string, options: SocialBenchOptions, members: readonly BenchMember[]) {
  const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
    fillFilms(url, options.films),
  );
  const prefillBegin = performance.now();
  const accountsSeconds = await timed(`${members.length} accounts rows`, () => insertAccounts(url, members));
  const writers = options.prefillWriters;
  const registered = await timed(`append ${members.length} MemberRegistered`, () =>
    appendStreams(url, 'registrations', registrations(members), {
      writers,
      expectedStreams: members.length,
      after: null,
    }),
  );
  const filmLog = await timed(`prefill ${options.events} film-log events`, () =>
    prefillFilmLog(
      url,
      options,
      members.map((member) => member.id),
      filmIds,
    ),
  );
  const graph = new FollowGraph(members, options);
  const follows = await timed('append the follows', () =>
    appendStreams(url, 'follows', graph, {
      writers,
      expectedStreams:
        options.followingMembers * options.medianFollowees + options.readers * options.readerFollowees,
      after: filmLog.head,
    }),
  );
  const figures: SocialPrefill = {
    accountsSeconds,
    registrations: registered.figures,
    filmLog: filmLog.figures,
    follows: follows.figures,
    seconds: (performance.now() - prefillBegin) / 1_000,
  };
  return { films, figures, head: follows.head, readers: graph.readers };
}

async function loadPhase(
  app: RunningApp,
  readers: readonly BenchMember[],
  popularFilm: string,
  options: SocialBenchOptions,
): Promise<SocialLoads> {
  const timing: LoadTiming = {
    connections: options.connections,
    warmUpSeconds: options.warmUpSeconds,
    seconds: options.loadSeconds,
    aloneSeconds: options.aloneSeconds,
  };
  const signedIn = await mintTokens(JWT_SECRET, readers);
  const cursors = await thirdPageCursors(app, signedIn);
  const seconds = `${options.warmUpSeconds} + ${options.loadSeconds} + ${options.aloneSeconds} s`;
  const health = await timed(`GET /health (${seconds})`, () => driveHealth(app, timing));
  const feed = await timed(`GET /feed (${seconds})`, () => driveFeed(app, signedIn, timing));
  const feedThirdPage = await timed(`GET /feed, third page (${seconds})`, () =>
    driveFeedThirdPage(app, signedIn, cursors, timing),
  );
  const filmActivity = await timed(`GET /films/{id}/activity (${seconds})`, () =>
    driveFilmActivity(app, popularFilm, timing),
  );
  const friends = await timed(`GET /films/{id}/friends (${seconds})`, () =>
    driveFriends(app, signedIn, popularFilm, timing),
  );
  const popular = await timed(`GET /films/popular (${seconds})`, () => drivePopular(app, timing));
  const home = await timed(`GET /, a visitor's home page (${seconds})`, () => driveHome(app, timing));
  return { health, feed, feedThirdPage, filmActivity, friends, popular, home };
}

async function measure(databases: BenchDatabases, options: SocialBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('social', async (url) => {
    const members = benchMembers(options.members);
    const { films, figures: prefilled, head, readers } = await prefill(url, options, members);
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));

    const catchUpBegin = performance.now();
    const catchUp = await withRunningApp(url, SERVICE_ENV, () =>
      timed("the service's projections catch up", () =>
        watchServiceCatchUp(url, head, catchUpBegin, options.projectionLimitMs),
      ),
    );
    await timed('vacuum (analyze), checkpoint', () => settle(url));
    const dataset = await timed('describe the dataset', () => describeDataset(url, readers));

    // Each rebuild twice: as before (every index kept on the fresh tables all along, summaries kept
    // by each batch) and as the engine runs (the readers' indexes and the summaries filled once it
    // has caught up); the order alternates between the two projections, so a warmer cache favours
    // neither.
    const rebuildTwice = async (subject: RebuildSubject, order: readonly boolean[]) => {
      const runs = new Map<boolean, RebuildFigures>();
      for (const now of order) {
        const run = await timed(
          `${subject.projection.name} projection: blue/green rebuild, ${now ? 'as the engine runs' : 'as before'}`,
          () => measureRebuild(url, head, subject, prefilled.filmLog.totals, options, now),
        );
        runs.set(now, run);
        await timed('vacuum (analyze), checkpoint', () => settle(url));
      }
      return [runs.get(false)!, runs.get(true)!] as const;
    };
    const [rebuildAsBefore, rebuild] = await rebuildTwice(ACTIVITY_REBUILD, [false, true]);
    const [popularityRebuildAsBefore, popularityRebuild] = await rebuildTwice(POPULARITY_REBUILD, [
      true,
      false,
    ]);

    const loads = await withRunningApp(url, SERVICE_ENV, (running) =>
      loadPhase(running, readers, dataset.popularFilm.id, options),
    );
    const figures = {
      options,
      seconds: (performance.now() - begin) / 1_000,
      films,
      prefill: prefilled,
      dataset,
      catchUp,
      rebuild,
      rebuildAsBefore,
      popularityRebuild,
      popularityRebuildAsBefore,
      loads,
    };
    return { ...figures, targets: targetsOf(figures), method: describeMethod(options) };
  });
}

const options = parseSocialBenchOptions(process.argv.slice(2));
await runBench<SocialBenchReport>({
  name: 'social',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
