import type { LoadFigures } from '../film-log/http-load.js';
import type { FilmsFigures, PrefillFigures } from '../film-log/prefill.js';
import { atMost, formatTabledReport, ms, whole, type Target } from '../film-log/report.js';
import type { ServiceCatchUpFigures } from '../film-log/projections.js';
import type { AppendRunFigures } from '../social/prefill.js';
import type { MachineInfo } from '../store/machine.js';
import type { Pooled } from './rounds.js';
import type { WriteFigures } from './loads.js';
import type { FestivalBenchOptions } from './options.js';
import type { PlanTotals } from './plans.js';
import type { ProgrammeFigures } from './programme.js';
import type { CatchUpFigures } from './projections.js';

/** A festival figure over its film-log reference, measured in the same run. */
export interface Ratio {
  readonly measure: string;
  readonly against: string;
  /** Requests (or events) per second, festival ÷ film log: above 1 is faster. */
  readonly rate: number;
  /** p99 festival ÷ film log: above 1 is slower. Absent for catch-ups. */
  readonly p99?: number;
  /** The rate ratio of each round alone (festival and film-log load of the same round). */
  readonly roundRates?: readonly number[];
}

export interface FestivalBenchReport {
  readonly startedAt: string;
  readonly options: FestivalBenchOptions;
  readonly machine: MachineInfo;
  readonly loadAverage: { readonly atStart: readonly number[]; readonly atEnd: readonly number[] };
  /** The whole run, database and service start-ups included. */
  readonly seconds: number;
  readonly films: FilmsFigures;
  readonly programme: ProgrammeFigures;
  readonly prefill: {
    readonly members: AppendRunFigures;
    readonly filmLog: PrefillFigures;
    readonly plans: AppendRunFigures & { readonly totals: PlanTotals };
  };
  readonly catchUp: CatchUpFigures;
  readonly serviceCatchUp: ServiceCatchUpFigures;
  /** Each load over every round (see Pooled), with each round's own figures. */
  readonly writes: { readonly favourites: Pooled<WriteFigures>; readonly plans: Pooled<WriteFigures> };
  readonly reads: {
    readonly filmStats: Pooled<LoadFigures>;
    readonly edition: Pooled<LoadFigures>;
    readonly day: Pooled<LoadFigures>;
    readonly plan: Pooled<LoadFigures>;
  };
  readonly ratios: readonly Ratio[];
  readonly targets: readonly Target[];
  readonly method: readonly string[];
}

type Figures = Pick<FestivalBenchReport, 'catchUp' | 'writes' | 'reads'>;

const loadRatio = (
  measure: string,
  against: string,
  festival: Pooled<LoadFigures>,
  filmLog: Pooled<LoadFigures>,
): Ratio => ({
  measure,
  against,
  rate: festival.requestsPerSecond / filmLog.requestsPerSecond,
  p99: festival.p99Ms / filmLog.p99Ms,
  roundRates: festival.rounds.map(
    (round, index) => round.requestsPerSecond / filmLog.rounds[index]!.requestsPerSecond,
  ),
});

export function ratiosOf({ catchUp, writes, reads }: Figures): Ratio[] {
  return [
    loadRatio(
      'PUT/DELETE plan item',
      'PUT/DELETE favourite',
      { ...writes.plans.load, rounds: writes.plans.rounds.map((round) => round.load) },
      { ...writes.favourites.load, rounds: writes.favourites.rounds.map((round) => round.load) },
    ),
    loadRatio('GET edition', 'GET /films/{id}/stats', reads.edition, reads.filmStats),
    loadRatio('GET screenings?day=', 'GET /films/{id}/stats', reads.day, reads.filmStats),
    loadRatio('GET plan', 'GET /films/{id}/stats', reads.plan, reads.filmStats),
    {
      measure: 'festival-plans catch-up',
      against: 'user-film-state catch-up',
      rate: catchUp.festivalPlans.eventsPerSecond / catchUp.userFilmState.eventsPerSecond,
    },
    {
      measure: 'festival-plans catch-up',
      against: 'film-stats catch-up',
      rate: catchUp.festivalPlans.eventsPerSecond / catchUp.filmStats.eventsPerSecond,
    },
  ];
}

/** The issue sets no figures to reach: what must hold is that every request was answered well. */
export function targetsOf({ writes, reads }: Figures): Target[] {
  const failures = (figures: LoadFigures): number => figures.non2xx + figures.errors;
  return [
    atMost('plan writes: responses not 2xx, and errors', failures(writes.plans.load), 0),
    atMost(
      'festival reads: responses not 2xx, and errors',
      failures(reads.edition) + failures(reads.day) + failures(reads.plan),
      0,
    ),
    atMost(
      'film-log reference: responses not 2xx, and errors',
      failures(writes.favourites.load) + failures(reads.filmStats),
      0,
    ),
  ];
}

const times = (value: number): string => `${value.toFixed(2)}×`;

function rowsOf(report: FestivalBenchReport): string[][] {
  const { prefill, catchUp, writes, reads, options, ratios } = report;
  const ratio = (measure: string, against: string): string => {
    const found = ratios.find((candidate) => candidate.measure === measure && candidate.against === against)!;
    return found.p99 === undefined ? times(found.rate) : `${times(found.rate)} / ${times(found.p99)}`;
  };
  const statuses = (figures: LoadFigures): string => `non-2xx ${figures.non2xx}, errors ${figures.errors}`;
  const spread = (measure: string, against: string): string => {
    const rates = ratios.find(
      (candidate) => candidate.measure === measure && candidate.against === against,
    )!.roundRates!;
    return rates.length > 1 ? `rounds ${rates.map(times).join(', ')}; ` : '';
  };
  const over = (figures: LoadFigures): string =>
    options.rounds > 1 ? `${options.rounds} × ${options.loadSeconds} s` : `${figures.seconds} s`;
  const append = (name: string, run: AppendRunFigures, notes: string): string[] => [
    `${name}, ${run.writers} at once`,
    `${whole(run.eventsPerSecond)} events/s`,
    ms(run.latency.p50Ms),
    ms(run.latency.p99Ms),
    '',
    `${whole(run.events)} events, ${whole(run.streams)} streams${notes}; ${run.seconds.toFixed(1)} s`,
  ];
  const catchUpRow = (name: string, run: CatchUpFigures['festivalPlans'], versus: string): string[] => [
    name,
    `${whole(run.eventsPerSecond)} events/s`,
    '-',
    '-',
    versus,
    `${whole(run.events)} events in ${run.seconds.toFixed(1)} s, alone, batches of ${catchUp.batchSize}`,
  ];
  const write = (name: string, figures: WriteFigures, versus: string, rounds = ''): string[] => [
    `${name}, ${figures.load.connections} conn.`,
    `${whole(figures.load.requestsPerSecond)} commands/s`,
    ms(figures.load.p50Ms),
    ms(figures.load.p99Ms),
    versus,
    `${rounds}${whole(figures.puts)} PUT, ${whole(figures.deletes)} DELETE; ` +
      `${whole(figures.eventsPerSecond)} events/s; ${statuses(figures.load)}; ${over(figures.load)}`,
  ];
  const read = (name: string, figures: LoadFigures, versus: string, notes: string): string[] => [
    `${name}, ${figures.connections} conn.`,
    `${whole(figures.requestsPerSecond)} req/s`,
    ms(figures.p50Ms),
    ms(figures.p99Ms),
    versus,
    `${notes}; ${statuses(figures)}; ${over(figures)}`,
  ];
  const { totals } = prefill.plans;
  const plans = totals.streams > 0 ? totals.items / totals.streams : 0;
  return [
    ['measure', 'rate', 'p50 ms', 'p99 ms', '÷ film log (rate / p99)', 'notes'],
    append('prefill: members', prefill.members, ` (accounts rows by SQL)`),
    [
      `prefill: film log, ${prefill.filmLog.writers} at once`,
      `${whole(prefill.filmLog.eventsPerSecond)} events/s`,
      ms(prefill.filmLog.latency.p50Ms),
      ms(prefill.filmLog.latency.p99Ms),
      '',
      `${whole(prefill.filmLog.totals.events)} events, ${whole(prefill.filmLog.totals.streams)} streams, ` +
        `${whole(report.films.films)} films; ${prefill.filmLog.seconds.toFixed(1)} s`,
    ],
    append(
      'prefill: plans',
      prefill.plans,
      ` (one per member); ${whole(totals.items)} items (${plans.toFixed(1)} a plan), ` +
        `${whole(totals.unplanned)} taken out, ${whole(totals.shared)} shared; edition of ` +
        `${report.programme.films} films, ${whole(report.programme.screenings)} screenings, ${report.programme.days} days`,
    ),
    catchUpRow('catch-up from zero: festival-plans', catchUp.festivalPlans, 'see below'),
    catchUpRow('catch-up from zero: user-film-state', catchUp.userFilmState, 'reference'),
    catchUpRow('catch-up from zero: film-stats', catchUp.filmStats, 'reference'),
    [
      '  festival-plans ÷ each',
      '-',
      '-',
      '-',
      `${ratio('festival-plans catch-up', 'user-film-state catch-up')}, ` +
        ratio('festival-plans catch-up', 'film-stats catch-up'),
      'events/s over events/s',
    ],
    [
      'the service catches up the rest',
      '-',
      '-',
      '-',
      '',
      `${report.serviceCatchUp.seconds.toFixed(1)} s after it answered, before the loads`,
    ],
    write('PUT/DELETE /films/{id}/favourite', writes.favourites, 'reference'),
    write(
      'PUT/DELETE /me/festivals/…/plan/{id}',
      writes.plans,
      ratio('PUT/DELETE plan item', 'PUT/DELETE favourite'),
      spread('PUT/DELETE plan item', 'PUT/DELETE favourite'),
    ),
    read('GET /films/{id}/stats', reads.filmStats, 'reference', 'popular films more often'),
    read(
      'GET /festivals/{f}/{y}',
      reads.edition,
      ratio('GET edition', 'GET /films/{id}/stats'),
      `${spread('GET edition', 'GET /films/{id}/stats')}the edition: ${report.programme.days} days, ${report.programme.strands} strands, continents`,
    ),
    read(
      'GET /festivals/{f}/{y}/screenings?day=',
      reads.day,
      ratio('GET screenings?day=', 'GET /films/{id}/stats'),
      `${spread('GET screenings?day=', 'GET /films/{id}/stats')}the days in turn, ~${Math.round(report.programme.screenings / report.programme.days)} screenings each`,
    ),
    read(
      'GET /me/festivals/{f}/{y}/plan',
      reads.plan,
      ratio('GET plan', 'GET /films/{id}/stats'),
      `${spread('GET plan', 'GET /films/{id}/stats')}${options.loadMembers} members in turn, plans of ${options.planMin}–${options.planMax} (clashes, tier, total)`,
    ),
  ];
}

export const formatReport = (report: FestivalBenchReport): string =>
  formatTabledReport(rowsOf(report), report);

export const describeMethod = (options: FestivalBenchOptions): string[] => [
  `Database: one fresh migrated database. ${options.films} generated films straight with SQL (the catalogue ` +
    `bench's fill); ${options.members} members (accounts rows with SQL, MemberRegistered through the event ` +
    'store port; the first is an admin); their tokens minted with the secret the service is started with.',
  `Programme, with SQL as the admin API leaves it: one festival, next August's edition of ${options.days} days ` +
    `(Europe/London, ticket 10.95 GBP, tiers 6 → 25 %, 10 → 35 %), 8 strands, a selection of ` +
    `${options.editionFilms} films (an opening and a closing gala), ${options.screenings} screenings (every ` +
    'film at least once, the rest at random over 10 venues and the days, one slot after midnight), ' +
    "starts_at and local_date computed by the service's zonedStart.",
  `Prefill through the event store port (PostgresEventStore.append, expectedRevision 'no_stream', ` +
    `${options.prefillWriters} appends at once): ${options.filmLogEvents} film-log events drawn from the ` +
    'film-log decider (as bench:film-log), then one plan stream per member (planStream), drawn through the ' +
    `plan decider: ${options.planMin}–${options.planMax} distinct screenings (popular ones more often), 15 % ` +
    'of members plan one more and take it out again, 30 % share with friends and 10 % with everyone.',
  `Catch-up, before the service starts: the festival-plans projection (as the service registers it) alone in ` +
    `the bench process (ProjectionEngine, batches of ${options.projectionBatchSize}), from zero into its empty ` +
    'tables, timed until its checkpoint passes the last plan event; its tables are then checked against the ' +
    'generated plans. Then user-film-state and film-stats (the read models a favourite feeds), each alone in ' +
    'the same way over the film log. Events/s count the events of the types each handles.',
  'The service (`node dist/src/main.js`, APP_ROLE=all) starts on the prefilled log and catches up its other ' +
    'projections; then VACUUM (ANALYZE) and CHECKPOINT (not timed). The endpoints are checked once (statuses, ' +
    'day counts, a plan) before any load.',
  `Loads: autocannon in the bench process, ${options.connections} connections, ${options.rounds} round(s) ` +
    `of ${options.loadSeconds} s each (a ${options.warmUpSeconds} s warm-up, discarded, before each load of the ` +
    'first round), in this order each round: favourite writes, plan writes, GET /films/{id}/stats, GET ' +
    'edition, GET day listing, GET plan. A load over its rounds: requests ÷ seconds of all of them; p50 and ' +
    "p99 the median of the rounds' (one round disturbed by other work on the machine moves it least). " +
    'Writes by random load members ' +
    `(${options.loadMembers}), never two requests of one member at once (each member's screen sends one at a ` +
    'time), each command made to change something, half PUT and half DELETE. Favourite: PUT of a film the ' +
    'member has not favourited (popular films more often; it checks the film too when it was not), DELETE ' +
    "of one of their favourites (user_film_state read before the load, then each answer's state). Plan: PUT " +
    'of a screening not in the plan (popular ones more often), DELETE of one in it, so plans keep their ' +
    'size. PUT and DELETE counts are of 200 answers. Reads without ' +
    'X-Consistent-With: film stats on popular films, the edition, the days in turn, the load members’ plans ' +
    'in turn.',
  'Ratios: each festival figure over its film-log reference measured in this run (rate ÷ rate, p99 ÷ p99; ' +
    'with several rounds, each round’s rate ratio is given too): ' +
    'the machine is shared and noisy, so the ratios, not the absolute figures, are what compare across runs.',
  'PostgreSQL, Redis, the service, the projections and the load generator share the same machine and its ' +
    'cores, and so does anything else running there (see loadAverage).',
];
