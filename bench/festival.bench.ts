import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { FILM_LOG_EVENT_TYPES } from '../src/modules/film-log/domain/film-log.events.js';
import { PLAN_EVENT_TYPES } from '../src/modules/festivals/domain/plan.events.js';
import type pg from 'pg';
import { withRunningApp, type RunningApp } from './catalogue/search-load.js';
import { checkEndpoints } from './festival/check.js';
import {
  dayTargets,
  driveFavourites,
  drivePlanWrites,
  driveReads,
  editionTargets,
  filmStatsTargets,
  knownFavourites,
  openBenchConnection,
  planTargets,
  type LoadTiming,
  type WriteFigures,
} from './festival/loads.js';
import { poolLoads, poolWrites } from './festival/rounds.js';
import type { LoadFigures } from './film-log/http-load.js';
import { parseFestivalBenchOptions, type FestivalBenchOptions } from './festival/options.js';
import { PlanHistories } from './festival/plans.js';
import { fillProgramme, type BenchEdition } from './festival/programme.js';
import { measureCatchUps } from './festival/projections.js';
import {
  describeMethod,
  formatReport,
  ratiosOf,
  targetsOf,
  type FestivalBenchReport,
} from './festival/report.js';
import { fillFilms, prefillFilmLog, settle, vacuumAnalyze } from './film-log/prefill.js';
import { waitForServiceProjections } from './film-log/projections.js';
import { runBench, timed } from './shared/bench-cli.js';
import { benchMembers, mintTokens, TOKEN_TTL_SECONDS, type Reader } from './social/members.js';
import { appendStreams, registerMembers } from './social/prefill.js';
import type { BenchDatabases } from './store/databases.js';

const JWT_SECRET = randomBytes(32).toString('base64url');

/** The service as deployed on one machine, its tokens the ones this bench mints. */
const SERVICE_ENV = {
  APP_ROLE: 'all',
  JWT_SECRET,
  ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_TTL_SECONDS),
  REDIS_KEY_PREFIX: `filmlog-bench-festival-${randomBytes(4).toString('hex')}:`,
};

/**
 * Every load, round after round, in the same order (the film-log references beside the festival
 * loads), each pooled over the rounds.
 */
async function runLoads(
  app: RunningApp,
  db: pg.Client,
  subjects: {
    readonly edition: BenchEdition;
    readonly readers: readonly Reader[];
    readonly known: ReadonlyMap<string, Set<string>>;
    readonly filmIds: readonly string[];
  },
  options: FestivalBenchOptions,
) {
  const { edition, readers, known, filmIds } = subjects;
  const favourites = await knownFavourites(db, readers);
  const loads = {
    favourites: [] as WriteFigures[],
    plans: [] as WriteFigures[],
    filmStats: [] as LoadFigures[],
    edition: [] as LoadFigures[],
    day: [] as LoadFigures[],
    plan: [] as LoadFigures[],
  };
  for (let round = 0; round < options.rounds; round += 1) {
    const timing: LoadTiming = {
      connections: options.connections,
      warmUpSeconds: round === 0 ? options.warmUpSeconds : 0,
      seconds: options.loadSeconds,
      round,
    };
    const phase = `(round ${round + 1} of ${options.rounds}: ${timing.warmUpSeconds} + ${timing.seconds} s)`;
    loads.favourites.push(
      await timed(`PUT/DELETE favourite ${phase}`, () =>
        driveFavourites(app, db, readers, filmIds, favourites, timing, FILM_LOG_EVENT_TYPES),
      ),
    );
    loads.plans.push(
      await timed(`PUT/DELETE plan items ${phase}`, () =>
        drivePlanWrites(app, db, edition, readers, known, timing, PLAN_EVENT_TYPES),
      ),
    );
    loads.filmStats.push(
      await timed(`GET /films/{id}/stats ${phase}`, () =>
        driveReads(app, filmStatsTargets(filmIds, 1_000, round), timing),
      ),
    );
    loads.edition.push(
      await timed(`GET edition ${phase}`, () => driveReads(app, editionTargets(edition), timing)),
    );
    loads.day.push(
      await timed(`GET screenings?day= ${phase}`, () => driveReads(app, dayTargets(edition), timing)),
    );
    loads.plan.push(
      await timed(`GET plan ${phase}`, () => driveReads(app, planTargets(edition, readers), timing)),
    );
  }
  return {
    writes: { favourites: poolWrites(loads.favourites), plans: poolWrites(loads.plans) },
    reads: {
      filmStats: poolLoads(loads.filmStats),
      edition: poolLoads(loads.edition),
      day: poolLoads(loads.day),
      plan: poolLoads(loads.plan),
    },
  };
}

async function measure(databases: BenchDatabases, options: FestivalBenchOptions) {
  const begin = performance.now();
  return databases.inFresh('festival', async (url) => {
    const writers = options.prefillWriters;
    const { ids: filmIds, figures: films } = await timed(`fill ${options.films} films`, () =>
      fillFilms(url, options.films),
    );
    const members = benchMembers(options.members);
    const loadMembers = members.slice(1, 1 + options.loadMembers);
    const registered = await registerMembers(url, members, writers);
    const filmLog = await timed(`prefill ${options.filmLogEvents} film-log events`, () =>
      prefillFilmLog(
        url,
        { events: options.filmLogEvents, prefillWriters: writers },
        members.map((member) => member.id),
        filmIds,
      ),
    );
    const { edition, figures: programme } = await timed(
      `the programme: ${options.editionFilms} films, ${options.screenings} screenings`,
      () => fillProgramme(url, options, filmIds),
    );
    const known = new Map(loadMembers.map((member) => [member.id, new Set<string>()]));
    const histories = new PlanHistories(
      edition,
      members,
      { min: options.planMin, max: options.planMax },
      known,
    );
    const plans = await timed(`append ${options.members} plans`, () =>
      appendStreams(url, 'plans', histories, {
        writers,
        expectedStreams: members.length,
        after: filmLog.head,
      }),
    );
    await timed('vacuum (analyze)', () => vacuumAnalyze(url));
    const catchUp = await timed('catch-ups from zero: festival-plans, user-film-state, film-stats', () =>
      measureCatchUps(url, { filmLog: filmLog.head, plans: plans.head }, histories.totals, options),
    );

    const measured = await withRunningApp(url, SERVICE_ENV, async (app) => {
      const serviceCatchUp = await timed("the service's other projections catch up", () =>
        waitForServiceProjections(url, plans.head, options.limitMs),
      );
      await timed('vacuum (analyze) and checkpoint', () => settle(url));
      const readers = await mintTokens(JWT_SECRET, loadMembers);
      await timed('check the endpoints', () =>
        checkEndpoints(app, edition, readers[0]!, known.get(readers[0]!.id)!, filmIds[0]!),
      );
      const db = await openBenchConnection(url);
      try {
        return {
          serviceCatchUp,
          ...(await runLoads(app, db, { edition, readers, known, filmIds }, options)),
        };
      } finally {
        await db.end().catch(() => undefined);
      }
    });
    const figures = {
      options,
      seconds: (performance.now() - begin) / 1_000,
      films,
      programme,
      prefill: {
        members: registered.figures,
        filmLog: filmLog.figures,
        plans: { ...plans.figures, totals: { ...histories.totals } },
      },
      catchUp,
      ...measured,
    };
    return {
      ...figures,
      ratios: ratiosOf(figures),
      targets: targetsOf(figures),
      method: describeMethod(options),
    };
  });
}

const options = parseFestivalBenchOptions(process.argv.slice(2));
await runBench<FestivalBenchReport>({
  name: 'festival',
  options,
  format: formatReport,
  measure: (databases) => measure(databases, options),
});
